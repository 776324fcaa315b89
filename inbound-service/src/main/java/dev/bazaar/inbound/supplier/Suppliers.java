package dev.bazaar.inbound.supplier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The suppliers allowed to send catalogues. */
@Component
class Suppliers {

    public record Supplier(String supplierId, String name, Instant createdAt) {}

    private final JdbcClient jdbc;

    Suppliers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a supplier with this id exists already */
    public boolean create(String supplierId, String name) {
        return jdbc.sql("INSERT IGNORE INTO supplier (supplier_id, name, created_at) VALUES (?, ?, ?)")
                        .params(supplierId, name, Timestamp.from(Instant.now()))
                        .update()
                == 1;
    }

    public Optional<Supplier> find(String supplierId) {
        return jdbc.sql("SELECT supplier_id, name, created_at FROM supplier WHERE supplier_id = ?")
                .param(supplierId)
                .query((rs, n) -> new Supplier(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }
}
