package dev.bazaar.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class ProcessedEventsIntegrationTests {

    @Autowired
    ProcessedEvents processed;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID eventId = UUID.randomUUID();

        boolean first = processed.runOnce("stock-projection", eventId, () -> bump("tv-55"));
        boolean second = processed.runOnce("stock-projection", eventId, () -> bump("tv-55"));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(updatesOf("tv-55")).isEqualTo(1);
    }

    @Test
    void anotherConsumerOfTheSameEventStillRuns() {
        UUID eventId = UUID.randomUUID();
        processed.runOnce("stock-projection", eventId, () -> bump("fan"));

        assertThat(processed.runOnce("search-indexer", eventId, () -> bump("fan")))
                .isTrue();
        assertThat(updatesOf("fan")).isEqualTo(2);
    }

    @Test
    void aFailedEffectLeavesNoMarkSoTheRetryRuns() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> processed.runOnce("stock-projection", eventId, () -> {
                    bump("lamp");
                    throw new IllegalStateException("downstream failed");
                }))
                .hasMessage("downstream failed");

        assertThat(updatesOf("lamp")).isZero();
        assertThat(processed.runOnce("stock-projection", eventId, () -> bump("lamp")))
                .isTrue();
        assertThat(updatesOf("lamp")).isEqualTo(1);
    }

    private void bump(String itemId) {
        jdbc.update(
                "INSERT INTO stock_projection (item_id, updates) VALUES (?, 1) "
                        + "ON DUPLICATE KEY UPDATE updates = updates + 1",
                itemId);
    }

    private int updatesOf(String itemId) {
        return jdbc
                .queryForList("SELECT updates FROM stock_projection WHERE item_id = ?", Integer.class, itemId)
                .stream()
                .findFirst()
                .orElse(0);
    }
}
