package dev.bazaar.search.delivery;

import dev.bazaar.search.SearchProperties;
import dev.bazaar.starter.delivery.DefaultPincodes;
import dev.bazaar.starter.delivery.ServiceabilityClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The starter's delivery clients, with search's settings: a hard budget per search, outcomes counted. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    ServiceabilityClient serviceabilityClient(SearchProperties properties, JsonMapper json, MeterRegistry meters) {
        return new ServiceabilityClient(properties.serviceability(), json, meters, "bazaar.search.serviceability");
    }

    @Bean
    DefaultPincodes defaultPincodes(SearchProperties properties, JsonMapper json) {
        return new DefaultPincodes(properties.users(), json);
    }
}
