package dev.bazaar.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The demo logins user-service's {@code DemoUsers} writes to {@code demo-ops.txt} (a properties file). */
record DemoAccounts(
        String opsEmail,
        String opsPassword,
        String customerEmail,
        String customerPassword,
        String sellerEmail,
        String sellerPassword) {

    static Optional<DemoAccounts> read(Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        var accounts = new DemoAccounts(
                properties.getProperty("ops.email"),
                properties.getProperty("ops.password"),
                properties.getProperty("customer.email"),
                properties.getProperty("customer.password"),
                properties.getProperty("seller.email"),
                properties.getProperty("seller.password"));
        // A file caught half-written has no passwords yet.
        return accounts.opsPassword() == null || accounts.customerPassword() == null
                ? Optional.empty()
                : Optional.of(accounts);
    }
}
