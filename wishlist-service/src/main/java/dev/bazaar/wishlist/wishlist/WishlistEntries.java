package dev.bazaar.wishlist.wishlist;

import dev.bazaar.contracts.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code wishlist} and {@code wishlist_entry} tables, in explicit SQL. Callers hold the transaction. */
@Repository
class WishlistEntries {

    private static final String COLUMNS = "item_id, added_price_minor, added_price_currency, added_at";

    private final JdbcClient jdbc;

    WishlistEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the shopper's wishlist row if there is none; outside the change's transaction, as
     * cart-service does, because two INSERT IGNOREs meeting a duplicate and then upgrading to
     * {@link #lockWishlist} in one transaction deadlock.
     */
    void ensureWishlist(String userId) {
        jdbc.sql("INSERT IGNORE INTO wishlist (user_id) VALUES (?)")
                .param(userId)
                .update();
    }

    /** Locks the shopper's wishlist row until the transaction ends: adds to one wishlist run one at a time. */
    void lockWishlist(String userId) {
        jdbc.sql("SELECT user_id FROM wishlist WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query(String.class)
                .single();
    }

    Optional<WishlistEntry> find(String userId, String itemId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wishlist_entry WHERE user_id = ? AND item_id = ?")
                .param(userId)
                .param(itemId)
                .query(WishlistEntries::entry)
                .optional();
    }

    /** The entry, locked until the transaction ends, so two removals of it cannot both see it. */
    Optional<WishlistEntry> lock(String userId, String itemId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wishlist_entry WHERE user_id = ? AND item_id = ? FOR UPDATE")
                .param(userId)
                .param(itemId)
                .query(WishlistEntries::entry)
                .optional();
    }

    /** One page, newest first (the insert order, exact even within one timestamp). */
    List<WishlistEntry> page(String userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM wishlist_entry WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .param(userId)
                .param(size)
                .param((long) page * size)
                .query(WishlistEntries::entry)
                .list();
    }

    int count(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM wishlist_entry WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    void add(String userId, String itemId, Money price) {
        jdbc.sql("""
                        INSERT INTO wishlist_entry (user_id, item_id, added_price_minor, added_price_currency)
                        VALUES (?, ?, ?, ?)""")
                .param(userId)
                .param(itemId)
                .param(price.minor())
                .param(price.currency())
                .update();
    }

    void remove(String userId, String itemId) {
        jdbc.sql("DELETE FROM wishlist_entry WHERE user_id = ? AND item_id = ?")
                .param(userId)
                .param(itemId)
                .update();
    }

    private static WishlistEntry entry(ResultSet rs, int row) throws SQLException {
        return new WishlistEntry(
                rs.getString(1),
                new Money(rs.getLong(2), rs.getString(3)),
                rs.getTimestamp(4).toInstant());
    }
}
