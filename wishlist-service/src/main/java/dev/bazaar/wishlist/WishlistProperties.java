package dev.bazaar.wishlist;

import jakarta.validation.constraints.Min;
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
 * @param cartService where move-to-cart adds (cart-service's {@code POST /api/cart/items})
 */
@Validated
@ConfigurationProperties("bazaar.wishlist")
public record WishlistProperties(
        @DefaultValue("200") @Min(1) int maxEntries,
        @DefaultValue("100") @Min(1) int maxPageSize,
        @DefaultValue Service itemService,
        @DefaultValue("http://127.0.0.1:8087") URI cartServiceUrl,
        @DefaultValue("5s") Duration cartServiceTimeout) {

    /**
     * @param url item-service's base URL ({@code BAZAAR_WISHLIST_ITEMSERVICE_URL})
     * @param timeout how long a priced read or an add waits for item-service before answering 503
     */
    public record Service(
            @DefaultValue("http://127.0.0.1:8082") URI url,
            @DefaultValue("2s") Duration timeout) {}
}
