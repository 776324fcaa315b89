package dev.bazaar.starter.idempotency;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} for every service on a relational database. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class, JsonMapper.class})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotentRequestsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentRequests idempotentRequests(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            IdempotencyProperties properties) {
        return new IdempotentRequests(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(transactionManager),
                json,
                properties.retention(),
                Clock.systemUTC());
    }
}
