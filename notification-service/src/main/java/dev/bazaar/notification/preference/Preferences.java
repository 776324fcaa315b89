package dev.bazaar.notification.preference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code preference} table: one row per user who changed anything; no row is every channel on. */
@Repository
public class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChannelPreferences of(String userId) {
        return jdbc.sql("SELECT email, sms, in_app FROM preference WHERE user_id = ?")
                .param(userId)
                .query((row, n) -> new ChannelPreferences(
                        row.getBoolean("email"), row.getBoolean("sms"), row.getBoolean("in_app")))
                .optional()
                .orElse(ChannelPreferences.ALL_ON);
    }

    /** Replaces the user's choice in one statement (the last of two writes at once wins whole). */
    ChannelPreferences save(String userId, ChannelPreferences preferences) {
        jdbc.sql("""
                        INSERT INTO preference (user_id, email, sms, in_app) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE email = VALUES(email), sms = VALUES(sms), in_app = VALUES(in_app)""")
                .params(userId, preferences.email(), preferences.sms(), preferences.inApp())
                .update();
        return preferences;
    }
}
