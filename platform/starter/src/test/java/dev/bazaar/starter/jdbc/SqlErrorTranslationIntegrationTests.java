package dev.bazaar.starter.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MariaDB's errors reach callers as the Spring exceptions retry logic is written against: a lock
 * wait timeout is a (transient) CannotAcquireLockException, not an UncategorizedSQLException.
 */
@SpringBootTest
@UsesLocalServers(LocalServer.MARIADB)
class SqlErrorTranslationIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aLockWaitTimeoutIsATransientCannotAcquireLockException() throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS sql_error_probe (id INT PRIMARY KEY, n INT)");
        jdbc.update("INSERT IGNORE INTO sql_error_probe VALUES (1, 0)");
        var holder = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holding = holder.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    connection.createStatement().execute("SELECT n FROM sql_error_probe WHERE id = 1 FOR UPDATE");
                    locked.countDown();
                    release.await();
                    connection.rollback();
                }
                return null;
            });
            locked.await();
            try {
                assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                            jdbc.execute("SET SESSION innodb_lock_wait_timeout = 1");
                            try {
                                jdbc.update("UPDATE sql_error_probe SET n = n + 1 WHERE id = 1");
                            } finally {
                                jdbc.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
                            }
                        }))
                        .isInstanceOf(CannotAcquireLockException.class)
                        .isInstanceOf(TransientDataAccessException.class);
            } finally {
                release.countDown();
            }
            holding.get();
        } finally {
            holder.shutdownNow();
        }
    }

    @Test
    void aDuplicateKeyIsADuplicateKeyException() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS sql_error_probe (id INT PRIMARY KEY, n INT)");
        jdbc.update("INSERT IGNORE INTO sql_error_probe VALUES (2, 0)");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO sql_error_probe VALUES (2, 0)"))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
