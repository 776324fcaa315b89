package dev.bazaar.wishlist.wishlist;

import dev.bazaar.starter.catalog.ItemCatalog;
import dev.bazaar.wishlist.WishlistProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ItemCatalog itemCatalog(WishlistProperties properties, JsonMapper json) {
        return new ItemCatalog(
                properties.itemService().url(), properties.itemService().timeout(), json);
    }
}
