package dev.bazaar.order;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.orders}; each default is stated here and nowhere else (application.yml only
 * maps environment variables to the peers' local addresses). The one setting without a default is the secret.
 *
 * @param paymentTimeout how long an order waits for its payment (the Redis key's TTL): then the payment is
 *     asked for its final status and the order placed or cancelled
 * @param grace added to the payment timeout for the inventory reservation's ttl (so stock is still held
 *     while a timed-out order is settled) and for the sweeper (an order PAYMENT_PENDING past timeout + grace
 *     lost its expiry event: the service was down when the key expired)
 * @param sweepInterval how often the sweeper looks for such orders
 * @param sweepBatch overdue orders read per query by the sweeper
 * @param maxLines the most lines one order may have
 * @param maxQuantityPerLine the most of one item one order may hold
 * @param returnWindow how long after its delivery (the DELIVERED move, by the database's clock) an order may
 *     be returned
 * @param compensationRetry how often the compensation sweeper looks for a cancelled or returned order whose
 *     restock or refund is still owed (a peer was down), and the first wait before retrying one; each failure
 *     doubles the wait, up to 64 times this
 * @param internalToken the shared secret sent as {@code X-Internal-Token} to user-, inventory- and
 *     payment-service ({@code BAZAAR_INTERNAL_TOKEN}; only the {@code local} profile fills a development value)
 * @param peers the services an order is taken with
 */
@Validated
@ConfigurationProperties("bazaar.orders")
public record OrderProperties(
        @DefaultValue("10m") Duration paymentTimeout,
        @DefaultValue("2m") Duration grace,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("100") @Min(1) int sweepBatch,
        @DefaultValue("50") @Min(1) int maxLines,
        @DefaultValue("10") @Min(1) int maxQuantityPerLine,
        @DefaultValue("7d") Duration returnWindow,
        @DefaultValue("30s") Duration compensationRetry,

        @NotBlank(
                message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a default "
                        + "outside the 'local' profile")
        String internalToken,

        @DefaultValue Peers peers) {

    /**
     * Each peer's base URL (application.yml maps {@code BAZAAR_*_URL} with the local address as its fallback)
     * and how long one call to it may take.
     */
    public record Peers(
            @NotNull URI items,
            @NotNull URI users,
            @NotNull URI carts,
            @NotNull URI serviceability,
            @NotNull URI inventory,
            @NotNull URI payments,
            @DefaultValue("3s") Duration timeout) {}

    /** How long the inventory reservation holds the stock: the payment timeout plus the grace. */
    public Duration reservationTtl() {
        return paymentTimeout.plus(grace);
    }
}
