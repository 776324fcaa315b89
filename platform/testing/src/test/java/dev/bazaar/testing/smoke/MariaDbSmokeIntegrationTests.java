package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Flyway migrates the schema; {@code SELECT … FOR UPDATE} through JPA makes a second buyer wait. */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@UsesLocalServers(LocalServer.MARIADB)
class MariaDbSmokeIntegrationTests {

    @Entity(name = "Stock")
    static class Stock {
        @Id
        String itemId;

        long available;
    }

    @Autowired
    StockRepository stock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void flywayMigratedTheSchemaOnMariaDb() {
        assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("mariadb");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select available from stock where item_id = 'tv-55'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void selectForUpdateSerialisesTwoBuyersOfTheLastUnit() throws Exception {
        var tx = new TransactionTemplate(transactionManager);
        var firstHoldsLock = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var secondSawAvailable = new AtomicLong(-1);

        var first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            Stock row = stock.lockById("tv-55");
            firstHoldsLock.countDown();
            await(releaseFirst);
            row.available -= 1;
        }));
        assertThat(firstHoldsLock.await(10, TimeUnit.SECONDS)).isTrue();

        var secondConnection = new AtomicLong(-1);
        var second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            // The JPA transaction's connection, which JdbcTemplate shares: MariaDB's id for it.
            secondConnection.set(jdbc.queryForObject("select connection_id()", Long.class));
            secondSawAvailable.set(stock.lockById("tv-55").available);
        }));
        // The second buyer reaches the row and waits for the first one's lock: InnoDB says so, not a pause.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> secondConnection.get() >= 0
                        && jdbc.queryForObject(
                                        "select count(*) from information_schema.innodb_trx where trx_mysql_thread_id = ? and trx_state = 'LOCK WAIT'",
                                        Integer.class,
                                        secondConnection.get())
                                == 1);
        assertThat(second).isNotDone();

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(secondSawAvailable).hasValue(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
