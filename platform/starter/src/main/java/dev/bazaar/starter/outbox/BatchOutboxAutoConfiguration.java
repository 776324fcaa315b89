package dev.bazaar.starter.outbox;

import dev.bazaar.contracts.kafka.CloudEventHeaders;
import dev.bazaar.starter.kafka.BulkKafkaTemplates;
import dev.bazaar.starter.kafka.TopicNames;
import dev.bazaar.starter.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "dev.bazaar.starter.kafka.BazaarKafkaAutoConfiguration"
        })
@ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class BatchOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            KafkaTemplate<String, byte[]> kafka,
            ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:bazaar}") String applicationName,
            OutboxProperties outbox) {
        return new OutboxRelay(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(transactionManager),
                // No span or timer per record: each row carries the trace context it was staged in.
                BulkKafkaTemplates.sharing(kafka),
                CloudEventHeaders.sourceOf(applicationName),
                outbox.batchSize(),
                outbox.pollInterval(),
                outbox.ackTimeout(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    BatchOutbox batchOutbox(
            DataSource dataSource, JsonMapper json, TopicNames topics, OutboxRelay relay, Traces traces) {
        return new BatchOutbox(new JdbcTemplate(dataSource), json, topics, relay, traces);
    }
}
