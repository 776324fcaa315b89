package dev.bazaar.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point for clients: routes {@code /api/**} to the owning service, validates JWTs
 * and passes the caller's identity downstream, limits request rates in Redis, and turns a down or
 * slow backend into a fast problem+json answer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
