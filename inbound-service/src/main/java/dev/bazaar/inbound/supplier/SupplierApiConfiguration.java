package dev.bazaar.inbound.supplier;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SupplierApiConfiguration {

    /** Registered for the supplier API only: ops and actuator paths never see it. */
    @Bean
    FilterRegistrationBean<SupplierApiKeyFilter> supplierApiKeyFilter(ApiKeys apiKeys, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new SupplierApiKeyFilter(apiKeys, json));
        registration.addUrlPatterns("/api/supplier/*");
        return registration;
    }
}
