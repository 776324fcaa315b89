package dev.bazaar.order.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One instance at a time runs a job that must not run twice at once (archival; reconciliation may use it too):
 * ShedLock, on this service's MariaDB (table {@code shedlock}, Flyway V4). A job takes its named lock with a
 * conditional UPDATE of its row; whoever fails to take it skips the run. {@code lock_until} is compared with
 * the database's clock, so instances with skewed clocks still agree. A job either runs through
 * {@link LockingTaskExecutor} (and can tell whether it ran: archival's on-demand run answers 409 when it did
 * not) or is a {@code @Scheduled} method with {@code @SchedulerLock(name = …, lockAtMostFor = …)}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
