package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.IntegrationEvent;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes an event straight to Kafka, for services without a relational outbox (Mongo,
 * Elasticsearch). Services on MariaDB publish through the outbox instead (publish the event as a
 * Spring application event inside the transaction), so a rollback never leaks an event.
 */
public class IntegrationEventPublisher {

    private final KafkaOperations<?, ?> kafka;
    private final TopicNames topics;
    private final String source;

    public IntegrationEventPublisher(KafkaOperations<?, ?> kafka, TopicNames topics, String source) {
        this.kafka = kafka;
        this.topics = topics;
        this.source = source;
    }

    /** Completes when the broker acknowledged the record (acks=all), or fails with the cause. */
    public CompletableFuture<? extends SendResult<?, ?>> publish(IntegrationEvent event) {
        var message = MessageBuilder.withPayload(event)
                .copyHeaders(CloudEventHeaders.of(event, source))
                .setHeader(KafkaHeaders.TOPIC, topics.resolve(event.topic()))
                .setHeader(KafkaHeaders.KEY, event.key())
                .build();
        return kafka.send(message);
    }
}
