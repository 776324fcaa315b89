package dev.bazaar.wishlist;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.wishlist}; each default is stated here and nowhere else.
 *
 * @param maxEntries the most items one wishlist holds; adding one more is refused
 * @param maxPageSize the largest page a read may ask for
 * @param itemService where current prices come from (item-service's bulk-get)
 * @param cartServiceUrl where move-to-cart adds (cart-service's {@code POST /api/cart/items}): application.yml
 *     maps {@code BAZAAR_WISHLIST_CARTSERVICE_URL} with the local address as its fallback (stated there only)
 * @param cartServiceTimeout how long move-to-cart waits for cart-service before answering 503
 */
@Validated
@ConfigurationProperties("bazaar.wishlist")
public record WishlistProperties(
        @DefaultValue("200") @Min(1) int maxEntries,
        @DefaultValue("100") @Min(1) int maxPageSize,
        @DefaultValue Service itemService,
        @NotNull URI cartServiceUrl,
        @DefaultValue("5s") Duration cartServiceTimeout) {

    /**
     * @param url item-service's base URL: application.yml maps {@code BAZAAR_WISHLIST_ITEMSERVICE_URL} with the
     *     local address as its fallback (stated there only, where docker-compose's check reads it)
     * @param timeout how long a priced read or an add waits for item-service before answering 503
     */
    public record Service(
            @NotNull URI url, @DefaultValue("2s") Duration timeout) {}
}
