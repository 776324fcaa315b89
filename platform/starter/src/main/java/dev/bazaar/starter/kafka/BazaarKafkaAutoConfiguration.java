package dev.bazaar.starter.kafka;

import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.tracing.Traces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka conventions of ARCHITECTURE §5. Values are JSON written and read by one message converter
 * (so a listener simply declares the record type it wants), events carry CloudEvents headers, and
 * failures end in a dead-letter topic. Runs before Boot's and Modulith's Kafka configuration so
 * both pick up this converter.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration"
        })
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(BazaarKafkaProperties.class)
public class BazaarKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    RecordMessageConverter jsonRecordMessageConverter(JsonMapper jsonMapper) {
        return new ByteArrayJacksonJsonMessageConverter(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(BazaarKafkaProperties properties) {
        return new TopicNames(properties.topicPrefix());
    }

    @Bean
    @ConditionalOnMissingBean
    IntegrationEventPublisher integrationEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            JsonMapper json,
            TopicNames topics,
            @Value("${spring.application.name:bazaar}") String applicationName,
            Traces traces) {
        return new IntegrationEventPublisher(kafka, json, topics, CloudEventHeaders.sourceOf(applicationName), traces);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaOperations<?, ?> kafka, BazaarKafkaProperties properties) {
        return DeadLetterTopics.errorHandler(kafka, properties.retryIntervalMs(), properties.retries());
    }
}
