package dev.bazaar.starter.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Trace context across Kafka where Micrometer's observations stop (see {@link Traces}). Without a
 * tracer (tracing switched off) every method is a no-op.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
        afterName = {
            "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"
        })
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * Work handed to the application's task executor ({@code @Async}, and Spring Modulith's
     * outbox sends its events that way after the commit) runs in the trace of the code that handed
     * it over.
     */
    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    @ConditionalOnClass(name = "io.micrometer.context.ContextSnapshotFactory")
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BatchInterceptor.class)
    static class BatchListeners {

        // Boot's listener container factory applies a single BatchInterceptor bean to batch listeners.
        @Bean
        @ConditionalOnMissingBean(BatchInterceptor.class)
        BatchInterceptor<Object, Object> batchListenerSpans(Traces traces) {
            return new BatchListenerSpans(traces);
        }
    }
}
