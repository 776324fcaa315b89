package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.starter.catalog.ItemCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ItemCatalog itemCatalog(CartProperties properties, JsonMapper json) {
        return new ItemCatalog(
                properties.itemService().url(), properties.itemService().timeout(), json);
    }
}
