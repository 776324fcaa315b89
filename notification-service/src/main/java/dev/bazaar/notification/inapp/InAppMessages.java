package dev.bazaar.notification.inapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code in_app_message} table: the IN_APP channel writes here (one row per delivery and user, so a
 * delivery sent again after a crash adds nothing), the user reads and marks here. Every read is scoped by the
 * user id: another user's message is "not found" like one that never existed.
 */
@Repository
public class InAppMessages {

    private static final String COLUMNS = "id, order_id, subject, body, created_at, read_at";

    private final JdbcClient jdbc;

    InAppMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the message of {@code deliveryId} for {@code userId}, once.
     *
     * @return its id (the earlier one when it was stored before)
     */
    public long deliver(String deliveryId, String userId, String orderId, String subject, String body) {
        jdbc.sql("""
                        INSERT IGNORE INTO in_app_message (delivery_id, user_id, order_id, subject, body)
                        VALUES (?, ?, ?, ?, ?)""").params(deliveryId, userId, orderId, subject, body).update();
        return jdbc.sql("SELECT id FROM in_app_message WHERE delivery_id = ? AND user_id = ?")
                .params(deliveryId, userId)
                .query(Long.class)
                .single();
    }

    /** The user's messages newest first, those older than {@code beforeId} when it is not null. */
    List<InAppMessage> page(String userId, Long beforeId, int size) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM in_app_message WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
                .params(userId, beforeId == null ? Long.MAX_VALUE : beforeId, size)
                .query(InAppMessages::row)
                .list();
    }

    long unread(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM in_app_message WHERE user_id = ? AND read_at IS NULL")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** Marks it read (once: the first read's time stays); empty when the user has no such message. */
    Optional<InAppMessage> markRead(String userId, long id) {
        jdbc.sql(
                        "UPDATE in_app_message SET read_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND user_id = ? AND read_at IS NULL")
                .params(id, userId)
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM in_app_message WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query(InAppMessages::row)
                .optional();
    }

    private static InAppMessage row(ResultSet row, int rowNum) throws SQLException {
        return new InAppMessage(
                row.getLong("id"),
                row.getString("order_id"),
                row.getString("subject"),
                row.getString("body"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("read_at") != null);
    }
}
