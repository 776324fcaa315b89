package dev.bazaar.starter.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.kafka.*}; each default is stated here only.
 *
 * @param topicPrefix put before every topic name (empty in production; tests isolate with it)
 * @param retries how many times a failing record is retried before it goes to its dead-letter topic
 * @param retryIntervalMs the wait between those retries, in milliseconds
 */
@ConfigurationProperties("bazaar.kafka")
public record BazaarKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("2") long retries,
        @DefaultValue("500") long retryIntervalMs) {}
