package dev.bazaar.inbound.supplier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The local demo's supplier ({@code bazaar.inbound.demo-supplier.enabled}: on with {@code BAZAAR_DEMO=true},
 * which the {@code local} profile of {@code ./bazaar up} sets; off in production and in this module's
 * tests): {@code demo-supplier} with an API key written to a file under
 * {@code $BAZAAR_HOME}, so a fresh clone can import a catalogue without calling the ops API first.
 * The key is made and logged once; later starts reuse the file while the key in it still works.
 */
@Component
@ConditionalOnBooleanProperty("bazaar.inbound.demo-supplier.enabled")
class DemoSupplier implements ApplicationRunner {

    static final String SUPPLIER_ID = "demo-supplier";
    private static final Logger log = LoggerFactory.getLogger(DemoSupplier.class);

    private final Suppliers suppliers;
    private final ApiKeys apiKeys;
    private final Path keyFile;

    DemoSupplier(
            Suppliers suppliers, ApiKeys apiKeys, @Value("${bazaar.inbound.demo-supplier.key-file}") Path keyFile) {
        this.suppliers = suppliers;
        this.apiKeys = apiKeys;
        this.keyFile = keyFile;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (Files.isReadable(keyFile)
                && apiKeys.authenticate(Files.readString(keyFile).strip())
                        .filter(SUPPLIER_ID::equals)
                        .isPresent()) {
            log.info("Demo supplier '{}' ready; its API key is in {}", SUPPLIER_ID, keyFile);
            return;
        }
        suppliers.create(SUPPLIER_ID, "Demo supplier");
        ApiKeys.IssuedKey key = apiKeys.issue(SUPPLIER_ID);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, key.apiKey() + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        log.info("Demo supplier '{}' created with API key {} (also written to {})", SUPPLIER_ID, key.apiKey(), keyFile);
    }
}
