package dev.bazaar.cart;

import dev.bazaar.starter.delivery.DefaultPincodes;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.cart}; each default is stated here and nowhere else.
 *
 * @param limits what one cart may hold
 * @param itemService where current prices come from (item-service's bulk-get)
 * @param guest guest carts: idle expiry and its clean-up
 * @param serviceability where delivery ETAs come from, and how long a cart read waits for them
 *     ({@code BAZAAR_SERVICEABILITY_URL}, {@code BAZAAR_SERVICEABILITY_BUDGET}: fallbacks in application.yml)
 * @param users user-service, for a signed-in shopper's default pincode (the starter's
 *     {@link DefaultPincodes.Settings})
 */
@Validated
@ConfigurationProperties("bazaar.cart")
public record CartProperties(
        @DefaultValue Limits limits,
        @DefaultValue ItemService itemService,
        @DefaultValue Guest guest,
        @DefaultValue ServiceabilityClient.Settings serviceability,
        @Valid @DefaultValue DefaultPincodes.Settings users) {

    /**
     * @param maxQuantityPerLine the most of one item a cart holds; an add beyond it leaves the line at this quantity
     * @param maxLines the most distinct items in one cart; adding one more is refused
     */
    public record Limits(
            @DefaultValue("10") @Min(1) int maxQuantityPerLine,
            @DefaultValue("50") @Min(1) int maxLines) {}

    /**
     * @param url item-service's base URL: application.yml maps {@code BAZAAR_CART_ITEMSERVICE_URL} with the
     *     local address as its fallback (stated there only, where docker-compose's check reads it)
     * @param timeout how long a priced read waits for item-service before answering 503
     */
    public record ItemService(
            @NotNull URI url, @DefaultValue("2s") Duration timeout) {}

    /**
     * @param idleTimeout a guest cart unused this long is expired: its token is refused, the clean-up deletes it
     * @param cleanupInterval how often the clean-up runs ({@code GuestCarts.removeExpired})
     * @param cleanupBatch guest carts deleted per transaction by the clean-up
     */
    public record Guest(
            @DefaultValue("30d") Duration idleTimeout,
            @DefaultValue("1h") Duration cleanupInterval,
            @DefaultValue("100") @Min(1) int cleanupBatch) {}
}
