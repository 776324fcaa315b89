package dev.bazaar.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact one service publishes for others. Implementations are immutable records; the accessors
 * below become the CloudEvents headers ({@code ce_id}, {@code ce_type}, {@code ce_time}) and the
 * Kafka record key, so consumers can deduplicate by {@link #eventId()} without parsing the body.
 */
public interface IntegrationEvent {

    /** Unique per fact; a re-delivery of the same fact carries the same id. */
    UUID eventId();

    Instant occurredAt();

    /** The topic this event belongs to (one of {@link dev.bazaar.contracts.Topics}). */
    String topic();

    /** The Kafka record key: keeps all events of one aggregate in order on one partition. */
    String key();

    /** The CloudEvents type, e.g. {@code dev.bazaar.catalog.ItemChanged}. */
    default String type() {
        return "dev.bazaar." + getClass().getSimpleName();
    }
}
