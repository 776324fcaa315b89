package dev.bazaar.order.archival;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.orders.archival}; each default is stated here and nowhere else.
 *
 * @param interval how often archival runs (and how long after the start it first runs)
 * @param olderThan how long a CANCELLED or RETURNED order stays live after its last change; a DELIVERED one
 *     stays at least the return window ({@code bazaar.orders.return-window}), as it can still be returned
 * @param batchSize orders read, written, verified and deleted together
 * @param concurrency Cassandra statements in flight at once while a batch is written or read back
 * @param attempts tries of one Cassandra step (a batch's write, its read back) before the batch fails
 * @param backoff the wait before the first retry; it doubles on each next one
 * @param lockAtMostFor how long the lock is held if its holder dies; a run starts no new batch after half of
 *     it, so a live run never outlasts its lock (and two runs never work on one batch)
 * @param keyspace the Cassandra keyspace of the archive ({@code order_history}; tests isolate theirs)
 * @param replication the keyspace's replication, as CQL (created if missing at the first use)
 */
@Validated
@ConfigurationProperties("bazaar.orders.archival")
record ArchivalProperties(
        @DefaultValue("30m") Duration interval,
        @DefaultValue("1d") Duration olderThan,
        @DefaultValue("500") @Min(1) int batchSize,
        @DefaultValue("64") @Min(1) int concurrency,
        @DefaultValue("5") @Min(1) int attempts,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue("30m") Duration lockAtMostFor,

        @DefaultValue("order_history") @Pattern(regexp = "[a-z][a-z0-9_]{0,47}")
        String keyspace,

        @DefaultValue("{'class': 'SimpleStrategy', 'replication_factor': 1}") @NotBlank
        String replication) {}
