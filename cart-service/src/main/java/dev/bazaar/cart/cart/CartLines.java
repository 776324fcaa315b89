package dev.bazaar.cart.cart;

import dev.bazaar.contracts.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cart} and {@code cart_line} tables, in explicit SQL. Callers hold the transaction. */
@Repository
class CartLines {

    private final JdbcClient jdbc;

    CartLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the shopper's cart row if there is none. Called outside the change's transaction: an
     * INSERT IGNORE that meets a duplicate holds a shared lock until its commit, and two of those
     * upgrading to {@link #lockCart} in one transaction deadlock (seen with 20 parallel first adds).
     */
    void ensureCart(String userId) {
        jdbc.sql("INSERT IGNORE INTO cart (user_id) VALUES (?)").param(userId).update();
    }

    /**
     * Locks the shopper's cart row (see {@link #ensureCart}) until the transaction ends, so changes to
     * one cart run one after the other (the line-count limit depends on it); other carts are not held.
     */
    void lockCart(String userId) {
        jdbc.sql("SELECT user_id FROM cart WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query(String.class)
                .single();
    }

    /** As {@link #lockCart}; false when the cart row is gone (a guest cart merged or expired meanwhile). */
    boolean lockCartIfPresent(String owner) {
        return jdbc.sql("SELECT user_id FROM cart WHERE user_id = ? FOR UPDATE")
                .param(owner)
                .query(String.class)
                .optional()
                .isPresent();
    }

    List<CartLine> of(String userId) {
        return jdbc.sql("""
                        SELECT item_id, quantity, added_price_minor, added_price_currency
                        FROM cart_line WHERE user_id = ? ORDER BY added_at, item_id""")
                .param(userId)
                .query((rs, row) ->
                        new CartLine(rs.getString(1), rs.getInt(2), new Money(rs.getLong(3), rs.getString(4))))
                .list();
    }

    /** The line, locked until the transaction ends. */
    Optional<CartLine> lockLine(String userId, String itemId) {
        return jdbc.sql("""
                        SELECT item_id, quantity, added_price_minor, added_price_currency
                        FROM cart_line WHERE user_id = ? AND item_id = ? FOR UPDATE""")
                .param(userId)
                .param(itemId)
                .query((rs, row) ->
                        new CartLine(rs.getString(1), rs.getInt(2), new Money(rs.getLong(3), rs.getString(4))))
                .optional();
    }

    int lineCount(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM cart_line WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /**
     * Adds {@code quantity} in one statement: a new line at the current price, or the existing line
     * grown but never beyond {@code max} (its added price stays). One statement, so parallel adds of
     * one item never lose an update.
     */
    void add(String userId, String itemId, int quantity, int max, Money price) {
        jdbc.sql("""
                        INSERT INTO cart_line (user_id, item_id, quantity, added_price_minor, added_price_currency)
                        VALUES (:user, :item, LEAST(:quantity, :max), :minor, :currency)
                        ON DUPLICATE KEY UPDATE quantity = LEAST(quantity + :quantity, :max),
                                                updated_at = CURRENT_TIMESTAMP(6)""")
                .param("user", userId)
                .param("item", itemId)
                .param("quantity", quantity)
                .param("max", max)
                .param("minor", price.minor())
                .param("currency", price.currency())
                .update();
    }

    boolean setQuantity(String userId, String itemId, int quantity) {
        return jdbc.sql("""
                                UPDATE cart_line SET quantity = ?, updated_at = CURRENT_TIMESTAMP(6)
                                WHERE user_id = ? AND item_id = ?""").param(quantity).param(userId).param(itemId).update() > 0;
    }

    void remove(String userId, String itemId) {
        jdbc.sql("DELETE FROM cart_line WHERE user_id = ? AND item_id = ?")
                .param(userId)
                .param(itemId)
                .update();
    }

    int clear(String userId) {
        return jdbc.sql("DELETE FROM cart_line WHERE user_id = ?").param(userId).update();
    }
}
