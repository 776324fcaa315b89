package dev.bazaar.user.address;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.account.UserAccounts;
import dev.bazaar.user.cache.UserChanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's addresses, with exactly one default whenever there is any address.
 *
 * <p>Every change first bumps the user's version ({@link UserAccounts#bumpVersion}), which locks
 * the user row: changes to one user's addresses run one at a time, so twenty parallel "make this
 * the default" requests end with exactly one default (the last to commit). The unique key on
 * {@code address.default_owner} backs this up in the schema. Every query is scoped by the caller's
 * user id: another user's address id is simply "not found" (no IDOR, and no hint it exists).
 */
@Service
public class AddressBook {

    static final int MAX_ADDRESSES = 20;

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final UserChanges changes;

    AddressBook(JdbcClient jdbc, UserAccounts users, UserChanges changes) {
        this.jdbc = jdbc;
        this.users = users;
        this.changes = changes;
    }

    public List<Address> list(String userId) {
        return jdbc.sql("SELECT * FROM address WHERE user_id = ? ORDER BY created_at, id")
                .param(userId)
                .query(AddressBook::map)
                .list();
    }

    public Optional<Address> defaultAddress(String userId) {
        return jdbc.sql("SELECT * FROM address WHERE user_id = ? AND is_default")
                .param(userId)
                .query(AddressBook::map)
                .optional();
    }

    /** One of the user's addresses; empty when that user has none with this id (also another user's). */
    public Optional<Address> byId(String userId, String addressId) {
        return jdbc.sql("SELECT * FROM address WHERE id = ? AND user_id = ?")
                .param(addressId)
                .param(userId)
                .query(AddressBook::map)
                .optional();
    }

    @Transactional
    public Address add(String userId, AddressRequest request) {
        long version = lock(userId);
        int count = jdbc.sql("SELECT COUNT(*) FROM address WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
        if (count >= MAX_ADDRESSES) {
            throw ApiProblem.conflict("too-many-addresses", "A user may keep at most " + MAX_ADDRESSES + " addresses.");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO address (id, user_id, label, recipient, line1, line2, city, state, pincode, phone, is_default, created_at)
                VALUES (:id, :user, :label, :recipient, :line1, :line2, :city, :state, :pincode, :phone, FALSE, :now)""")
                .params(columns(request))
                .param("id", id)
                .param("user", userId)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        if (count == 0 || Boolean.TRUE.equals(request.makeDefault())) {
            switchDefault(userId, id);
        }
        changes.changed(userId, version);
        return find(userId, id);
    }

    @Transactional
    public Address replace(String userId, String addressId, AddressRequest request) {
        long version = lock(userId);
        int rows = jdbc.sql("""
                UPDATE address SET label = :label, recipient = :recipient, line1 = :line1, line2 = :line2, city = :city,
                       state = :state, pincode = :pincode, phone = :phone
                WHERE id = :id AND user_id = :user""")
                .params(columns(request))
                .param("id", addressId)
                .param("user", userId)
                .update();
        if (rows == 0) {
            throw notFound(addressId);
        }
        if (Boolean.TRUE.equals(request.makeDefault())) {
            switchDefault(userId, addressId);
        }
        changes.changed(userId, version);
        return find(userId, addressId);
    }

    @Transactional
    public Address makeDefault(String userId, String addressId) {
        long version = lock(userId);
        find(userId, addressId);
        switchDefault(userId, addressId);
        changes.changed(userId, version);
        return find(userId, addressId);
    }

    /** Deleting the default promotes the most recently added remaining address. */
    @Transactional
    public void delete(String userId, String addressId) {
        long version = lock(userId);
        boolean wasDefault = find(userId, addressId).isDefault();
        jdbc.sql("DELETE FROM address WHERE id = ? AND user_id = ?")
                .param(addressId)
                .param(userId)
                .update();
        if (wasDefault) {
            jdbc.sql("SELECT id FROM address WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
                    .param(userId)
                    .query(String.class)
                    .optional()
                    .ifPresent(next -> switchDefault(userId, next));
        }
        changes.changed(userId, version);
    }

    private static Map<String, Object> columns(AddressRequest request) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("label", request.label());
        columns.put("recipient", request.recipient());
        columns.put("line1", request.line1());
        columns.put("line2", request.line2());
        columns.put("city", request.city());
        columns.put("state", request.state());
        columns.put("pincode", request.pincode());
        columns.put("phone", request.phone());
        return columns;
    }

    private long lock(String userId) {
        return users.bumpVersion(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
    }

    // Two statements, clear then set: the unique key is checked row by row, so one UPDATE flipping
    // both rows could see two defaults midway.
    private void switchDefault(String userId, String addressId) {
        jdbc.sql("UPDATE address SET is_default = FALSE WHERE user_id = ? AND is_default AND id <> ?")
                .param(userId)
                .param(addressId)
                .update();
        jdbc.sql("UPDATE address SET is_default = TRUE WHERE user_id = ? AND id = ?")
                .param(userId)
                .param(addressId)
                .update();
    }

    private Address find(String userId, String addressId) {
        return byId(userId, addressId).orElseThrow(() -> notFound(addressId));
    }

    private static ApiProblem notFound(String addressId) {
        return ApiProblem.notFound("Address", addressId);
    }

    static Address map(ResultSet row, int number) throws SQLException {
        return new Address(
                row.getString("id"),
                row.getString("label"),
                row.getString("recipient"),
                row.getString("line1"),
                row.getString("line2"),
                row.getString("city"),
                row.getString("state"),
                row.getString("pincode"),
                row.getString("phone"),
                row.getBoolean("is_default"));
    }
}
