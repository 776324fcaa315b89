package dev.bazaar.order.peers;

import dev.bazaar.order.OrderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The clients of inventory- and payment-service, which taking, payment and the shopper's cancel share. */
@Configuration(proxyBeanMethods = false)
class PeerConfiguration {

    @Bean
    Inventory inventory(OrderProperties properties, JsonMapper json) {
        return new Inventory(
                new PeerHttp(
                        "inventory",
                        properties.peers().inventory(),
                        properties.peers().timeout(),
                        json),
                properties.internalToken());
    }

    @Bean
    Payments payments(OrderProperties properties, JsonMapper json) {
        return new Payments(
                new PeerHttp(
                        "payments",
                        properties.peers().payments(),
                        properties.peers().timeout(),
                        json),
                properties.internalToken());
    }
}
