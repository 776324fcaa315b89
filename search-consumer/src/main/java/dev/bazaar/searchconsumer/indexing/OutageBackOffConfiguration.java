package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.searchconsumer.SearchConsumerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The platform's error handler retries a failing record twice, then dead-letters it: right for
 * poison, wrong when Elasticsearch is down, because then every record would end up in the DLT.
 * For failures caused by an {@link IndexUnavailableException} this gives the same handler a back-off
 * that never gives up (exponential up to {@code outage-backoff-max}); every other failure keeps the
 * platform's back-off, so poison still reaches {@code <topic>.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class OutageBackOffConfiguration {

    @Bean
    static BeanPostProcessor outageBackOffForErrorHandler(ObjectProvider<SearchConsumerProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultErrorHandler handler) {
                    BackOff outage = outageBackOff(properties.getObject());
                    handler.setBackOffFunction((record, exception) -> isOutage(exception) ? outage : null);
                }
                return bean;
            }
        };
    }

    static BackOff outageBackOff(SearchConsumerProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.outageBackoffInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.outageBackoffMax().toMillis());
        return backOff; // no max attempts, no max elapsed time: wait for Elasticsearch as long as it takes
    }

    static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IndexUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
