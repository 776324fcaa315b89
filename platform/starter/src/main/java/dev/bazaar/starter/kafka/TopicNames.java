package dev.bazaar.starter.kafka;

/**
 * Maps the logical topic names of {@link dev.bazaar.contracts.Topics} to physical ones. The prefix
 * ({@code bazaar.kafka.topic-prefix}, empty in production) lets tests and tenants share one broker
 * without seeing each other's records. Listeners use the same prefix:
 * {@code @KafkaListener(topics = "${bazaar.kafka.topic-prefix:}" + Topics.CATALOG_ITEMS)}.
 */
public record TopicNames(String prefix) {

    public TopicNames {
        prefix = prefix == null ? "" : prefix;
    }

    public String resolve(String logicalTopic) {
        return prefix + logicalTopic;
    }
}
