package dev.bazaar.searchconsumer.lag;

import dev.bazaar.contracts.Topics;
import dev.bazaar.starter.kafka.TopicNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code bazaar_search_consumer_lag{topic}}: records published but not yet indexed, per topic, as
 * the sum over partitions of end offset minus this group's committed offset (a partition the group
 * never committed counts from its earliest offset). Computed from the broker's view rather than the
 * consumer client's {@code records-lag-max}, so it is right even while a batch is being retried or
 * the partitions are unassigned, and it reads as "how far behind is search" on a dashboard.
 * Until the first computation succeeds the gauge is NaN.
 */
@Component
class ConsumerLagGauges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagGauges.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final String groupId;
    private final List<String> topics;
    private final Map<String, Double> lagByTopic = new ConcurrentHashMap<>();
    private final KafkaAdmin kafkaAdmin;
    private volatile Admin admin;

    ConsumerLagGauges(
            KafkaAdmin kafkaAdmin,
            TopicNames topicNames,
            MeterRegistry registry,
            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        this.kafkaAdmin = kafkaAdmin;
        this.groupId = groupId;
        this.topics = List.of(topicNames.resolve(Topics.CATALOG_ITEMS), topicNames.resolve(Topics.INVENTORY_STOCK));
        for (String topic : topics) {
            lagByTopic.put(topic, Double.NaN);
            Gauge.builder("bazaar.search.consumer.lag", lagByTopic, lags -> lags.getOrDefault(topic, Double.NaN))
                    .description("Records of the topic not yet indexed by this consumer group")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${bazaar.search-consumer.lag-refresh:PT10S}")
    void refresh() {
        try {
            lagByTopic.putAll(measure());
        } catch (Exception e) {
            // Kafka is down or busy: keep the last values; the listeners' own errors say more.
            log.debug("Could not measure consumer lag: {}", e.toString());
        }
    }

    Map<String, Double> measure() throws Exception {
        Admin client = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, KafkaFuture<TopicDescription>> descriptions =
                client.describeTopics(topics).topicNameValues();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<String, Double> lags = new HashMap<>();
        for (String topic : topics) {
            TopicDescription description;
            try {
                description = descriptions.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                lags.put(topic, 0.0); // no topic yet: nothing published, nothing behind
                continue;
            }
            description.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic, p.partition());
                latest.put(partition, OffsetSpec.latest());
                earliest.put(partition, OffsetSpec.earliest());
            });
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends =
                client.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts =
                client.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ends.forEach((partition, end) -> {
            OffsetAndMetadata position = committed.get(partition);
            long from =
                    position != null ? position.offset() : starts.get(partition).offset();
            lags.merge(partition.topic(), (double) Math.max(0, end.offset() - from), Double::sum);
        });
        return lags;
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                client = admin;
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        Admin client = admin;
        if (client != null) {
            client.close();
        }
    }
}
