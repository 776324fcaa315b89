package dev.bazaar.analytics.recommend;

import dev.bazaar.analytics.kafka.PublishedEvents;
import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.analytics.BestsellersComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed.Scored;
import dev.bazaar.contracts.analytics.SimilarItemsComputed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Publishes a run's lists to {@code recommendations.v1}, from the executors: each partition sends its
 * rows with its own producer, so no list passes through the driver. A send that fails fails the task
 * (Spark retries it); the event ids are derived from the model version and the list's key, so a retried
 * partition republishes the same events and the service keeps one of each.
 */
final class Publication implements ForeachPartitionFunction<Row> {

    enum Lists {
        /** {@code user_id}, {@code category}, {@code items} → {@link RecommendationsComputed}. */
        USER,
        /** {@code of_item}, {@code items} → {@link SimilarItemsComputed}. */
        SIMILAR,
        /** {@code category}, {@code items} → {@link BestsellersComputed}. */
        BESTSELLERS
    }

    private final Lists lists;
    private final String topic;
    private final String bootstrap;
    private final String modelVersion;
    private final Instant publishedAt;

    private Publication(Lists lists, String topic, String bootstrap, String modelVersion, Instant publishedAt) {
        this.lists = lists;
        this.topic = topic;
        this.bootstrap = bootstrap;
        this.modelVersion = modelVersion;
        this.publishedAt = publishedAt;
    }

    static void publish(
            Dataset<Row> rows, Lists lists, String topic, String bootstrap, String modelVersion, Instant publishedAt) {
        rows.foreachPartition(new Publication(lists, topic, bootstrap, modelVersion, publishedAt));
    }

    @Override
    public void call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return;
        }
        try (KafkaProducer<String, byte[]> producer = PublishedEvents.producer(bootstrap)) {
            PublishedEvents.sendAll(
                    producer,
                    topic,
                    StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                            .map(this::event)
                            .iterator(),
                    "recommendations");
        }
    }

    IntegrationEvent event(Row row) {
        List<Scored> items = row.<Row>getList(row.fieldIndex("items")).stream()
                .map(item -> new Scored(
                        item.getString(item.fieldIndex("item_id")), item.getDouble(item.fieldIndex("score"))))
                .toList();
        return switch (lists) {
            case USER -> {
                String userId = row.getString(row.fieldIndex("user_id"));
                String category = row.getString(row.fieldIndex("category"));
                yield new RecommendationsComputed(
                        id("user", userId, category), publishedAt, userId, category, modelVersion, items);
            }
            case SIMILAR -> {
                String itemId = row.getString(row.fieldIndex("of_item"));
                yield new SimilarItemsComputed(id("item", itemId, null), publishedAt, itemId, modelVersion, items);
            }
            case BESTSELLERS -> {
                String category = row.getString(row.fieldIndex("category"));
                yield new BestsellersComputed(
                        id("bestsellers", null, category), publishedAt, category, modelVersion, items);
            }
        };
    }

    private UUID id(String kind, String subject, String category) {
        String name = modelVersion + "|" + kind + "|" + subject + "|" + category;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
