package dev.bazaar.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A MariaDB account with a password, allowed only the isolated database, on the local server (whose
 * root has none): for a test that starts a service as production does, where an empty database
 * password is refused. Dropped again on {@link #close()}.
 */
public final class MariaDbAccount implements AutoCloseable {

    private final String user;
    private final String password;
    private final String database;

    private MariaDbAccount(String user, String password, String database) {
        this.user = user;
        this.password = password;
        this.database = database;
    }

    public static MariaDbAccount create(IsolatedNames names) {
        LocalServer.MARIADB.requireReachable();
        var account = new MariaDbAccount(names.base(), "pw-" + UUID.randomUUID(), names.database());
        account.asRoot(
                "CREATE USER '" + account.user + "'@'%' IDENTIFIED BY '" + account.password + "'",
                "GRANT ALL PRIVILEGES ON `" + account.database + "`.* TO '" + account.user + "'@'%'");
        return account;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The isolated database, created on first connection. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + LocalServer.MARIADB.address() + "/" + database + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        asRoot("DROP USER IF EXISTS '" + user + "'@'%'", "DROP DATABASE IF EXISTS `" + database + "`");
    }

    private void asRoot(String... statements) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mariadb://" + LocalServer.MARIADB.address() + "/", "root", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB account " + user + ": " + e.getMessage(), e);
        }
    }
}
