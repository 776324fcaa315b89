package dev.bazaar.starter.idempotency;

import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header for requests a client may send twice (a retry after a timeout,
 * a double tap): the first request with a key runs and its answer is stored with the key, in the
 * same transaction as its effect; a repeat with the same key and the same request gets that stored
 * answer and changes nothing. The same key with a different request is a 422 problem
 * {@code idempotency-key-reused}. A request that fails stores nothing (its transaction rolls back),
 * so a retry runs again. Two requests with one key at the same time serialise on the key's row: the
 * second waits for the first to commit, then answers its result. Keys are scoped by the caller
 * (e.g. per cart owner, so two shoppers' keys never meet) and kept for
 * {@code bazaar.idempotency.retention} (24 h); {@link #removeExpired} deletes older ones.
 * The table {@code bazaar_idempotent_request} comes with the starter's Flyway location.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    /** Printable ASCII without spaces, 1 to 100 characters: a UUID, a ULID, or a client's own scheme. */
    private static final Pattern VALID = Pattern.compile("[!-~]{1,100}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Duration retention;
    private final Clock clock;

    public IdempotentRequests(
            JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once for {@code key} in {@code scope}, in one transaction with the key's
     * record (joining the caller's, if any); without a key (null) it just runs.
     *
     * @param request what the client asked, compared on a repeat (any value Jackson writes)
     * @param answerType the type of the answer, to read a stored one back
     */
    public <T> T once(String scope, String key, Object request, Class<T> answerType, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        requireValid(key);
        String fingerprint = fingerprint(request);
        // A deadlock is possible only in a rare race (a first request rolled back while two repeats
        // waited on its key); in a transaction of its own, the loser simply tries again.
        int attempts = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : 3;
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> runOrReplay(scope, key, fingerprint, answerType, action));
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    /**
     * Stores {@code answer} for {@code key} unless one is stored already, and returns the answer that counts
     * (the stored one, when an earlier request got there first): for work that is idempotent by itself, such
     * as an order whose id is derived from the key, so that only its answer needs keeping. One statement, no
     * transaction of its own.
     */
    public <T> T remember(String scope, String key, Object request, Class<T> answerType, T answer) {
        if (key == null) {
            return answer;
        }
        requireValid(key);
        String fingerprint = fingerprint(request);
        int inserted = jdbc.update(
                "INSERT IGNORE INTO bazaar_idempotent_request (scope, idempotency_key, fingerprint, created_at, answer)"
                        + " VALUES (?, ?, ?, ?, ?)",
                scope,
                key,
                fingerprint,
                Timestamp.from(clock.instant()),
                json.writeValueAsString(answer));
        if (inserted == 1) {
            return answer;
        }
        return stored(scope, key, fingerprint, answerType, " LOCK IN SHARE MODE")
                .orElseThrow(() -> reused(key));
    }

    private <T> T runOrReplay(String scope, String key, String fingerprint, Class<T> answerType, Supplier<T> action) {
        // INSERT IGNORE of a key that exists takes a shared lock on its row: a repeat waits here while
        // the first request holds the row, then finds 0 rows inserted once it committed (or inserts, if
        // it rolled back).
        int inserted = jdbc.update(
                "INSERT IGNORE INTO bazaar_idempotent_request (scope, idempotency_key, fingerprint, created_at)"
                        + " VALUES (?, ?, ?, ?)",
                scope,
                key,
                fingerprint,
                Timestamp.from(clock.instant()));
        if (inserted == 1) {
            T answer = action.get();
            jdbc.update(
                    "UPDATE bazaar_idempotent_request SET answer = ? WHERE scope = ? AND idempotency_key = ?",
                    json.writeValueAsString(answer),
                    scope,
                    key);
            return answer;
        }
        // A shared locking read: it sees the committed row even in a transaction with an older
        // snapshot, and shares the lock the insert took (an exclusive one would deadlock the repeats).
        return stored(scope, key, fingerprint, answerType, " LOCK IN SHARE MODE")
                .orElseThrow(() -> reused(key));
    }

    /**
     * The answer stored for an earlier request with {@code key}, read without a lock: lets a repeat be
     * answered before the caller does any work (asks another service, say). Empty when the key is new
     * or null; a 422 problem when it was used for a different request. {@link #once} still decides.
     */
    public <T> Optional<T> earlierAnswer(String scope, String key, Object request, Class<T> answerType) {
        if (key == null) {
            return Optional.empty();
        }
        requireValid(key);
        return stored(scope, key, fingerprint(request), answerType, "");
    }

    private <T> Optional<T> stored(String scope, String key, String fingerprint, Class<T> answerType, String lock) {
        List<String[]> rows = jdbc.query(
                "SELECT fingerprint, answer FROM bazaar_idempotent_request WHERE scope = ? AND idempotency_key = ?"
                        + lock,
                (row, n) -> new String[] {row.getString(1), row.getString(2)},
                scope,
                key);
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            return Optional.empty();
        }
        if (!fingerprint.equals(rows.get(0)[0])) {
            throw reused(key);
        }
        return Optional.of(json.readValue(rows.get(0)[1], answerType));
    }

    /** Deletes keys older than the retention, at most {@code batch}; returns how many. */
    public int removeExpired(int batch) {
        return jdbc.update(
                "DELETE FROM bazaar_idempotent_request WHERE created_at < ? LIMIT ?",
                Timestamp.from(clock.instant().minus(retention)),
                batch);
    }

    private static void requireValid(String key) {
        if (!VALID.matcher(key).matches()) {
            throw ApiProblem.badRequest(
                    "invalid-idempotency-key",
                    "The " + HEADER + " header is 1 to 100 printable ASCII characters without spaces (a UUID, say)");
        }
    }

    private static ApiProblem reused(String key) {
        return new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This " + HEADER + " was used for a different request; send a new key for a new request")
                .with("idempotencyKey", key);
    }

    private String fingerprint(Object request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
