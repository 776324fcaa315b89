package dev.bazaar.searchconsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * search-consumer: projects catalogue and stock events into the Elasticsearch items index that
 * search-service reads (docs/architecture.md, "Catalogue: supplier → searchable"). It has no API; HTTP serves only health and metrics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SearchConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SearchConsumerApplication.class, args);
    }
}
