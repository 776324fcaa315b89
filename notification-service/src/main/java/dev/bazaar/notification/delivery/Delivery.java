package dev.bazaar.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** One message to one recipient over one channel, for one event, and where its sending stands. */
public record Delivery(
        String id,
        UUID eventId,
        Channel channel,
        Audience audience,
        String recipient,
        Status status,
        int attempts,
        int replays,
        Instant nextAttemptAt,
        String lastError,
        String providerRef,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        /** To be sent (again) at {@code nextAttemptAt}. */
        PENDING,
        SENT,
        /** Nothing to send: the recipient opted out of the channel, or has no address on it. */
        SKIPPED,
        /** Every attempt failed, or the failure was permanent: a dead letter OPS can replay. */
        DEAD
    }

    /**
     * The delivery's id, derived from what makes it unique: whoever plans it (a redelivered event, another
     * instance) derives the same id, and each mail's Message-ID is derived from it.
     */
    public static String idOf(UUID eventId, Channel channel, String recipient) {
        return UUID.nameUUIDFromBytes(
                        (eventId + "|" + channel + "|" + recipient).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
