package dev.bazaar.contracts.shopping;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A shopper searched; {@code shopperId} is the user id, or an anonymous session id. */
public record SearchPerformed(
        UUID eventId,
        Instant occurredAt,
        String shopperId,
        boolean anonymous,
        String query,
        Map<String, String> filters,
        long resultCount)
        implements IntegrationEvent {

    @Override
    public String topic() {
        return Topics.SEARCH_QUERIES;
    }

    @Override
    public String key() {
        return shopperId;
    }
}
