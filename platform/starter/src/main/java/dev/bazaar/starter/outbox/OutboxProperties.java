package dev.bazaar.starter.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.outbox.*}; each default is stated here only.
 *
 * @param resubmitAfter Modulith outbox: a publication still incomplete after this is sent again
 * @param batchSize batch outbox: rows the relay sends per round
 * @param pollInterval batch outbox: how often the relay looks for rows left over (a nudge wakes it sooner)
 * @param ackTimeout batch outbox: how long the relay waits for Kafka to acknowledge a round
 */
@ConfigurationProperties("bazaar.outbox")
public record OutboxProperties(
        @DefaultValue("PT30S") Duration resubmitAfter,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT30S") Duration ackTimeout) {}
