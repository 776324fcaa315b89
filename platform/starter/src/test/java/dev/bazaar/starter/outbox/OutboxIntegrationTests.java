package dev.bazaar.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.Topics;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.contracts.orders.OrderStatusChanged;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.KafkaRecords;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** An event written in a transaction reaches Kafka after the commit, and never after a rollback. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class OutboxIntegrationTests {

    static class OrderTaking {

        private final JdbcTemplate jdbc;
        private final ApplicationEventPublisher events;

        OrderTaking(JdbcTemplate jdbc, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public void place(String orderId, boolean failAfterPublishing) {
            jdbc.update("INSERT INTO demo_order (order_id, user_id) VALUES (?, ?)", orderId, "u-1");
            events.publishEvent(new OrderStatusChanged(
                    UUID.randomUUID(),
                    Instant.now(),
                    orderId,
                    "u-1",
                    OrderStatus.CREATED,
                    OrderStatus.PAYMENT_PENDING,
                    null,
                    List.of(),
                    Money.inr(49_900)));
            if (failAfterPublishing) {
                throw new IllegalStateException("payment gateway unreachable");
            }
        }
    }

    @TestConfiguration
    static class Config {

        @Bean
        OrderTaking orderTaking(JdbcTemplate jdbc, ApplicationEventPublisher events) {
            return new OrderTaking(jdbc, events);
        }
    }

    @Autowired
    OrderTaking orders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IsolatedNames names;

    @Test
    void committedEventIsPublishedWithCloudEventsHeadersAndRolledBackOneIsNot() {
        orders.place("o-committed", false);
        assertThatThrownBy(() -> orders.place("o-rolled-back", true)).hasMessageContaining("payment gateway");

        KafkaRecords.read(
                LocalServer.KAFKA.address(),
                names.topic(Topics.ORDER_EVENTS),
                found -> found.stream().anyMatch(r -> r.key().equals("o-committed")),
                Duration.ofSeconds(30));
        // Read the whole topic once more after a pause: a wrongly published rollback event would show now.
        var records = KafkaRecords.read(
                LocalServer.KAFKA.address(), names.topic(Topics.ORDER_EVENTS), found -> false, Duration.ofSeconds(3));

        assertThat(records)
                .extracting(ConsumerRecord::key)
                .contains("o-committed")
                .doesNotContain("o-rolled-back");
        var committed = records.stream()
                .filter(r -> r.key().equals("o-committed"))
                .findFirst()
                .orElseThrow();
        assertThat(new String(committed.value(), StandardCharsets.UTF_8)).contains("\"orderId\":\"o-committed\"");
        assertThat(committed.headers().lastHeader("ce_type").value())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("dev.bazaar.OrderStatusChanged");
        assertThat(jdbc.queryForList("SELECT order_id FROM demo_order", String.class))
                .containsExactly("o-committed");
        // Completed publications are deleted from the outbox; nothing is left pending.
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(jdbc.queryForObject("SELECT count(*) FROM EVENT_PUBLICATION", Integer.class))
                                .isZero());
    }
}
