package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record that keeps failing goes to {@code <topic>.dlt} with the exception class, message, stack
 * trace and original topic/partition/offset in its headers, and the consumer moves on. Records that
 * can never succeed (unreadable JSON, wrong type) go there at once, without retries.
 */
final class DeadLetterTopics {

    static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, long retryIntervalMs, long retries) {
        var recoverer = new DeadLetterPublishingRecoverer(
                template, (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(retryIntervalMs, retries));
    }

    private DeadLetterTopics() {}
}
