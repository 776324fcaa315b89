package dev.bazaar.serviceability;

import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.serviceability.lookup.ServiceabilityLookup;
import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixStore;
import dev.bazaar.starter.naming.BazaarRedisProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The matrix and lookup components are plain classes (the benchmark wires them without Spring);
 * here they become beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceabilityConfiguration {

    @Bean
    MatrixStore matrixStore(RedisConnectionFactory connections, BazaarRedisProperties redis) {
        return new MatrixStore(connections, redis.keyPrefix());
    }

    @Bean
    MatrixMaintainer matrixMaintainer(MatrixStore store) {
        return new MatrixMaintainer(store);
    }

    @Bean
    ItemLocations itemLocations() {
        return new ItemLocations();
    }

    @Bean
    ServiceabilityLookup serviceabilityLookup(MatrixStore store, MatrixMaintainer maintainer, ItemLocations items) {
        return new ServiceabilityLookup(store, maintainer, items);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MatrixResync matrixResync(MatrixMaintainer maintainer) {
        return new MatrixResync(maintainer);
    }

    /** Redis was down during a network change: keep trying to put the matrix back. */
    static class MatrixResync {

        private final MatrixMaintainer maintainer;

        MatrixResync(MatrixMaintainer maintainer) {
            this.maintainer = maintainer;
        }

        @Scheduled(fixedDelayString = "${bazaar.serviceability.resync-interval:PT30S}")
        void resync() {
            maintainer.resyncIfBehind();
        }
    }
}
