package dev.bazaar.starter.idempotency;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"
        })
@ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
public class IdempotentConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new ProcessedEvents(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager));
    }
}
