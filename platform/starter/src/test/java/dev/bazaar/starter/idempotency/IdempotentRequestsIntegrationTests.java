package dev.bazaar.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.Together;
import dev.bazaar.testing.UsesLocalServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency keys on the real MariaDB: one effect per key, the first answer replayed, misuse refused. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class IdempotentRequestsIntegrationTests {

    record Answer(String itemId, int quantity) {}

    @Autowired
    IdempotentRequests requests;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRepeatGetsTheFirstAnswerAndHasNoSecondEffect() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("itemId", "mug", "quantity", 2);

        Answer first = requests.once("cart-add:alice", key, request, Answer.class, () -> addAndAnswer("mug-1", 2));
        Answer repeat = requests.once("cart-add:alice", key, request, Answer.class, () -> addAndAnswer("mug-1", 2));

        assertThat(repeat).isEqualTo(first).isEqualTo(new Answer("mug-1", 2));
        assertThat(updatesOf("mug-1")).isEqualTo(1);
        assertThat(requests.earlierAnswer("cart-add:alice", key, request, Answer.class))
                .contains(first);
        // Another scope (another shopper) with the same key is another request.
        requests.once("cart-add:bob", key, request, Answer.class, () -> addAndAnswer("mug-1", 2));
        assertThat(updatesOf("mug-1")).isEqualTo(2);
        // No key: no memory.
        requests.once("cart-add:alice", null, request, Answer.class, () -> addAndAnswer("mug-1", 2));
        assertThat(updatesOf("mug-1")).isEqualTo(3);
    }

    @Test
    void rememberKeepsTheFirstAnswerOfAKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("itemId", "tv", "quantity", 1);

        Answer first = requests.remember("order:dave", key, request, Answer.class, new Answer("tv-1", 1));
        // A second request with the key (its own work idempotent by itself) is told the first answer.
        Answer second = requests.remember("order:dave", key, request, Answer.class, new Answer("tv-2", 1));

        assertThat(first).isEqualTo(new Answer("tv-1", 1));
        assertThat(second).isEqualTo(first);
        assertThat(requests.earlierAnswer("order:dave", key, request, Answer.class))
                .contains(first);
        assertThatThrownBy(() -> requests.remember(
                        "order:dave", key, Map.of("quantity", 5), Answer.class, new Answer("tv-1", 5)))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("idempotency");
        assertThat(requests.remember("order:dave", null, request, Answer.class, new Answer("tv-3", 1)))
                .isEqualTo(new Answer("tv-3", 1));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        requests.once("cart-add:carol", key, Map.of("quantity", 1), Answer.class, () -> addAndAnswer("lamp-1", 1));

        assertThatThrownBy(() -> requests.once(
                        "cart-add:carol", key, Map.of("quantity", 5), Answer.class, () -> addAndAnswer("lamp-1", 5)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.getStatusCode().value())
                                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT.value()))
                .hasMessageContaining("idempotency");
        assertThatThrownBy(() -> requests.earlierAnswer("cart-add:carol", key, Map.of("quantity", 5), Answer.class))
                .isInstanceOf(ApiProblem.class);
        assertThat(updatesOf("lamp-1")).isEqualTo(1);
    }

    @Test
    void aFailedRequestLeavesNoKeySoItsRetryRuns() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> requests.once("cart-add:dan", key, "r", Answer.class, () -> {
                    addAndAnswer("fan-1", 1);
                    throw new IllegalStateException("line limit");
                }))
                .hasMessage("line limit");
        assertThat(updatesOf("fan-1")).isZero();

        requests.once("cart-add:dan", key, "r", Answer.class, () -> addAndAnswer("fan-1", 1));
        assertThat(updatesOf("fan-1")).isEqualTo(1);
    }

    @Test
    void concurrentRepeatsOfOneKeyHaveOneEffectAndOneAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String item = "tv-" + UUID.randomUUID();
        List<Answer> answers = Together.run(
                8, () -> requests.once("cart-add:erin", key, "tv", Answer.class, () -> addAndAnswer(item, 1)));
        assertThat(answers).containsOnly(new Answer(item, 1));
        assertThat(updatesOf(item)).isEqualTo(1);
    }

    @Test
    void malformedKeysAreRefusedBeforeAnythingRuns() {
        for (String bad : List.of("", "has space", "x".repeat(101), "naïve")) {
            assertThatThrownBy(() -> requests.once("s", bad, "r", Answer.class, () -> addAndAnswer("bad-1", 1)))
                    .isInstanceOfSatisfying(
                            ApiProblem.class,
                            problem -> assertThat(problem.getBody().getType().toString())
                                    .endsWith("invalid-idempotency-key"));
        }
        assertThat(updatesOf("bad-1")).isZero();
    }

    @Test
    void keysPastTheRetentionAreRemovedAndThenMeanANewRequest() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        String scope = "expiry-" + UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        IdempotentRequests dayAgo = at(now.minus(Duration.ofHours(25)));
        IdempotentRequests hourAgo = at(now.minus(Duration.ofHours(1)));
        dayAgo.once(scope, old, "r", Answer.class, () -> addAndAnswer("clock-1", 1));
        hourAgo.once(scope, fresh, "r", Answer.class, () -> addAndAnswer("clock-1", 1));

        at(now).removeExpired(1_000);

        assertThat(keys(scope)).containsExactly(fresh);
        at(now).once(scope, old, "r", Answer.class, () -> addAndAnswer("clock-1", 1));
        assertThat(updatesOf("clock-1")).isEqualTo(3);
    }

    private IdempotentRequests at(Instant instant) {
        return new IdempotentRequests(
                jdbc,
                new TransactionTemplate(transactions),
                json,
                Duration.ofHours(24),
                Clock.fixed(instant, ZoneOffset.UTC));
    }

    private List<String> keys(String scope) {
        return jdbc.queryForList(
                "SELECT idempotency_key FROM bazaar_idempotent_request WHERE scope = ?", String.class, scope);
    }

    private Answer addAndAnswer(String itemId, int quantity) {
        jdbc.update(
                "INSERT INTO stock_projection (item_id, updates) VALUES (?, 1) "
                        + "ON DUPLICATE KEY UPDATE updates = updates + 1",
                itemId);
        return new Answer(itemId, quantity);
    }

    private int updatesOf(String itemId) {
        return jdbc
                .queryForList("SELECT updates FROM stock_projection WHERE item_id = ?", Integer.class, itemId)
                .stream()
                .findFirst()
                .orElse(0);
    }
}
