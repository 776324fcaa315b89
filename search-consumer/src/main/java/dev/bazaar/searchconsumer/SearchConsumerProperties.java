package dev.bazaar.searchconsumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the consumer ({@code bazaar.search-consumer.*}).
 *
 * @param conflictRounds        re-read + merge rounds for documents whose optimistic write lost a race
 * @param outageBackoffInitial  first wait before a batch is retried while Elasticsearch is unavailable
 * @param outageBackoffMax      longest wait between such retries (they never give up)
 * @param bootstrapTimeout      how long start-up keeps trying to create the index and alias
 * @param lagRefresh            how often the consumer-lag gauges are recomputed
 */
@ConfigurationProperties("bazaar.search-consumer")
public record SearchConsumerProperties(
        @DefaultValue("5") int conflictRounds,
        @DefaultValue("PT1S") Duration outageBackoffInitial,
        @DefaultValue("PT30S") Duration outageBackoffMax,
        @DefaultValue("PT60S") Duration bootstrapTimeout,
        @DefaultValue("PT10S") Duration lagRefresh) {}
