package dev.bazaar.user.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
public class UserAccounts {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the email is taken */
    public void insert(UserAccount user) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO app_user (id, email, password_hash, name, phone, roles, version, created_at, updated_at)
                VALUES (:id, :email, :hash, :name, :phone, :roles, :version, :now, :now)""")
                .param("id", user.id())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("name", user.name())
                .param("phone", user.phone())
                .param("roles", join(user.roles()))
                .param("version", user.version())
                .param("now", now)
                .update();
    }

    public Optional<UserAccount> findById(String id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?")
                .param(id)
                .query(UserAccounts::map)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM app_user WHERE email = ?")
                .param(normalise(email))
                .query(UserAccounts::map)
                .optional();
    }

    /**
     * Bumps the user's version and returns the new one. Inside a transaction this also locks the
     * user row, which serialises every change to one user's profile and addresses.
     */
    public Optional<Long> bumpVersion(String id) {
        int rows = jdbc.sql("UPDATE app_user SET version = version + 1, updated_at = ? WHERE id = ?")
                .param(Timestamp.from(Instant.now()))
                .param(id)
                .update();
        if (rows == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT version FROM app_user WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single());
    }

    public void updateProfile(String id, String name, String phone) {
        jdbc.sql("UPDATE app_user SET name = ?, phone = ? WHERE id = ?")
                .param(name)
                .param(phone)
                .param(id)
                .update();
    }

    public void updateRoles(String id, Collection<Role> roles) {
        jdbc.sql("UPDATE app_user SET roles = ? WHERE id = ?")
                .param(join(roles))
                .param(id)
                .update();
    }

    public void updatePasswordHash(String id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?")
                .param(hash)
                .param(id)
                .update();
    }

    /** Links the user to a supplier; false when there is no such user. Not a version bump: see ProfileEditor. */
    public void updateSupplier(String id, String supplierId) {
        jdbc.sql("UPDATE app_user SET supplier_id = ? WHERE id = ?")
                .params(supplierId, id)
                .update();
    }

    /** The SELLER accounts linked to the supplier, oldest first (at most {@code limit}). */
    public List<UserAccount> sellersOf(String supplierId, int limit) {
        return jdbc
                .sql("SELECT * FROM app_user WHERE supplier_id = ? ORDER BY created_at, id LIMIT ?")
                .params(supplierId, limit)
                .query(UserAccounts::map)
                .list()
                .stream()
                .filter(user -> user.roles().contains(Role.SELLER))
                .toList();
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String join(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static UserAccount map(ResultSet row, int number) throws SQLException {
        List<Role> roles = Arrays.stream(row.getString("roles").split(","))
                .filter(s -> !s.isBlank())
                .map(Role::valueOf)
                .toList();
        return new UserAccount(
                row.getString("id"),
                row.getString("email"),
                row.getString("password_hash"),
                row.getString("name"),
                row.getString("phone"),
                roles,
                row.getLong("version"),
                row.getString("supplier_id"));
    }
}
