package dev.bazaar.inventory;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.inventory}; each default is stated here and nowhere else (application.yml
 * only maps environment variables). The one setting without a default is the secret.
 *
 * @param internalToken shared secret order-service sends in {@code X-Internal-Token} to the reservation
 *     endpoints (which the gateway never routes); required: {@code BAZAAR_INTERNAL_TOKEN}, which only the
 *     {@code local} profile fills with a development value
 * @param reservations how long stock stays blocked, and the sweeper that releases what expired
 */
@Validated
@ConfigurationProperties("bazaar.inventory")
public record InventoryProperties(
        @NotBlank(
                message = "is not set (environment variable BAZAAR_INTERNAL_TOKEN): a secret, without a default "
                        + "outside the 'local' profile")
        String internalToken,

        @DefaultValue Reservations reservations) {

    /**
     * @param defaultTtl how long a reservation holds its stock when the request names no ttl (order-service's
     *     payment timeout is 10 min; the margin lets it confirm or release first)
     * @param maxTtl the longest ttl a request may ask for
     * @param sweepInterval how often expired reservations are released
     * @param sweepBatch expired reservations read per query by the sweeper (each released in its own transaction)
     */
    public record Reservations(
            @DefaultValue("15m") Duration defaultTtl,
            @DefaultValue("24h") Duration maxTtl,
            @DefaultValue("30s") Duration sweepInterval,
            @DefaultValue("100") @Min(1) int sweepBatch) {}
}
