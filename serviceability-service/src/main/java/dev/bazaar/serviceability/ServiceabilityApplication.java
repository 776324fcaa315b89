package dev.bazaar.serviceability;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceabilityApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServiceabilityApplication.class, args);
    }
}
