package dev.bazaar.order.history;

import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of a shopper's orders ended: the (created_at, order id) of its last order, which is the same
 * in MariaDB and Cassandra and never changes, so the next page starts right after it in both stores. Opaque
 * to clients: base64url of {@code v1|<created_at ISO-8601>|<orderId>}; the version lets its form change.
 */
record HistoryCursor(Instant createdAt, String orderId) {

    private static final String VERSION = "v1";

    String encode() {
        String raw = VERSION + "|" + createdAt + "|" + orderId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws ApiProblem 400 {@code invalid-cursor} for anything {@link #encode} did not write
     */
    static HistoryCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && VERSION.equals(parts[0]) && parts[2].matches("[0-9A-Za-z_-]{1,64}")) {
                return new HistoryCursor(Instant.parse(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid-cursor", "The cursor is not one this API gave; start again without it")
                .with("cursor", cursor);
    }
}
