package dev.bazaar.starter.outbox;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.kafka.TopicNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The transactional outbox, built on Spring Modulith's event publication registry: an
 * {@link IntegrationEvent} published with Spring's {@code ApplicationEventPublisher} inside a
 * transaction is stored in the {@code event_publication} table in that same transaction, sent to
 * its Kafka topic after the commit, and marked complete once the broker acknowledged it. A rollback
 * stores nothing; an event whose send failed (Kafka down) stays incomplete and is sent again by
 * {@link OutboxResubmitter}.
 */
@AutoConfiguration(
        beforeName = "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
        afterName = "dev.bazaar.starter.kafka.BazaarKafkaAutoConfiguration")
@ConditionalOnClass({EventExternalizationConfiguration.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventExternalizationConfiguration integrationEventExternalization(
            TopicNames topics, @Value("${spring.application.name:bazaar}") String applicationName) {
        String source = CloudEventHeaders.sourceOf(applicationName);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof IntegrationEvent)
                .routeAll(event -> {
                    IntegrationEvent integrationEvent = (IntegrationEvent) event;
                    return RoutingTarget.forTarget(topics.resolve(integrationEvent.topic()))
                            .andKey(integrationEvent.key());
                })
                .headers(event -> CloudEventHeaders.of((IntegrationEvent) event, source))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxResubmitter outboxResubmitter(
            ObjectProvider<IncompleteEventPublications> publications, OutboxProperties properties) {
        return new OutboxResubmitter(publications, properties.resubmitAfter());
    }
}
