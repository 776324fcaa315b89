package dev.bazaar.serviceability.itemlocation;

import dev.bazaar.contracts.SizeClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable copy of the projections. Each upsert only takes effect for a higher version, in one
 * statement (no read-modify-write race between two deliveries). In MariaDB the SET list is applied
 * left to right, so the value columns are assigned before {@code version} is raised.
 */
@Repository
public class ItemLocationStore {

    private final JdbcTemplate jdbc;

    public ItemLocationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void saveStock(String itemId, String warehouseId, long available, long version) {
        jdbc.update(
                "INSERT INTO item_stock (item_id, warehouse_id, available, version) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE available = IF(VALUES(version) > version, VALUES(available), available), "
                        + "version = GREATEST(version, VALUES(version))",
                itemId,
                warehouseId,
                available,
                version);
    }

    public void saveSize(String itemId, SizeClass sizeClass, boolean active, long version) {
        jdbc.update(
                "INSERT INTO item_size (item_id, size_class, active, version) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE size_class = IF(VALUES(version) > version, VALUES(size_class), size_class), "
                        + "active = IF(VALUES(version) > version, VALUES(active), active), "
                        + "version = GREATEST(version, VALUES(version))",
                itemId,
                sizeClass.name(),
                active,
                version);
    }

    /** Fills the in-memory projections after a restart. */
    public void loadInto(ItemLocations locations) {
        jdbc.query("SELECT item_id, size_class, active, version FROM item_size", rs -> {
            locations.applySize(rs.getString(1), SizeClass.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getLong(4));
        });
        jdbc.query("SELECT item_id, warehouse_id, available, version FROM item_stock", rs -> {
            locations.applyStock(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
        });
    }
}
