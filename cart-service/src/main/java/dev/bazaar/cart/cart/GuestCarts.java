package dev.bazaar.cart.cart;

import dev.bazaar.cart.CartProperties;
import dev.bazaar.starter.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guest carts: the cart token (256 random bits, base64url, 43 characters) is handed out once and
 * stored only as its SHA-256, so the table holds nothing a caller could present. A token is good
 * while its cart was used within {@code bazaar.cart.guest.idle-timeout}; an idle one is refused like
 * an unknown one and deleted by {@link #removeExpired} (run every {@code cleanup-interval} by
 * {@link GuestCartCleanup}).
 */
@Service
class GuestCarts {

    static final String HEADER = "X-Cart-Token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    record Created(CartOwner owner, String token) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CartProperties.Guest settings;

    GuestCarts(JdbcClient jdbc, TransactionTemplate transaction, CartProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = properties.guest();
    }

    /** A new guest cart (its {@code cart} row too); runs in the caller's transaction. */
    Created create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CartOwner owner = CartOwner.guest(UUID.randomUUID().toString());
        jdbc.sql("INSERT INTO guest_cart (token_hash, guest_id) VALUES (?, ?)")
                .param(hash(token))
                .param(owner.guestId())
                .update();
        jdbc.sql("INSERT INTO cart (user_id) VALUES (?)").param(owner.key()).update();
        return new Created(owner, token);
    }

    /**
     * The guest whose token this is, its idle time restarted. A malformed, unknown or idle-expired
     * token is a 401 {@code invalid-cart-token}: the client drops it, and its next add starts a new cart.
     */
    CartOwner resolve(String token) {
        CartOwner owner = find(token, false).orElseThrow(GuestCarts::invalidToken);
        // By the primary key, as the merge locks it: by guest_id it would take that index first and
        // deadlock with a merge (seen with guest adds racing one).
        jdbc.sql("UPDATE guest_cart SET last_used_at = CURRENT_TIMESTAMP(6) WHERE token_hash = ?")
                .param(hash(token))
                .update();
        return owner;
    }

    /** The live guest cart of this token, locked until the transaction ends; empty if none (or idle). */
    Optional<CartOwner> lockForMerge(String token) {
        return find(token, true);
    }

    /** Deletes the guest's cart, lines and token; runs in the caller's transaction. */
    void delete(CartOwner guest) {
        jdbc.sql("DELETE FROM guest_cart WHERE guest_id = ?")
                .param(guest.guestId())
                .update();
        jdbc.sql("DELETE FROM cart_line WHERE user_id = ?").param(guest.key()).update();
        jdbc.sql("DELETE FROM cart WHERE user_id = ?").param(guest.key()).update();
    }

    /**
     * Deletes guest carts idle longer than the idle timeout, {@code cleanup-batch} carts per
     * transaction so no long lock is held; returns how many. Expiry is not a shopper's change: no event.
     */
    int removeExpired() {
        int removed = 0;
        while (true) {
            List<String> batch = jdbc.sql("""
                            SELECT guest_id FROM guest_cart
                            WHERE last_used_at < CURRENT_TIMESTAMP(6) - INTERVAL ? SECOND
                            ORDER BY last_used_at LIMIT ?""")
                    .param(settings.idleTimeout().toSeconds())
                    .param(settings.cleanupBatch())
                    .query(String.class)
                    .list();
            transaction.executeWithoutResult(status -> batch.forEach(id -> delete(CartOwner.guest(id))));
            removed += batch.size();
            if (batch.size() < settings.cleanupBatch()) {
                return removed;
            }
        }
    }

    private Optional<CartOwner> find(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT guest_id FROM guest_cart
                        WHERE token_hash = ? AND last_used_at >= CURRENT_TIMESTAMP(6) - INTERVAL ? SECOND""" + (lock ? " FOR UPDATE" : ""))
                .param(hash(token))
                .param(settings.idleTimeout().toSeconds())
                .query(String.class)
                .optional()
                .map(CartOwner::guest);
    }

    static ApiProblem invalidToken() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "invalid-cart-token",
                "Invalid cart token",
                "The " + HEADER + " is malformed, unknown or expired; add without it to start a new cart");
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
