package dev.bazaar.inbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Supplier API: API keys, streamed catalogue imports, translation to canonical items (docs/architecture.md, "Services and stores"). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InboundApplication {

    public static void main(String[] args) {
        SpringApplication.run(InboundApplication.class, args);
    }
}
