package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.SizeClass;
import java.sql.Time;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The network in MariaDB: plain JDBC batch upserts, since loads are bulk and rows are flat. */
@Repository
public class NetworkStore {

    private final JdbcTemplate jdbc;

    public NetworkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LogisticsNetwork load() {
        return new LogisticsNetwork(
                jdbc.query(
                        "SELECT code, state, latitude, longitude FROM pincode",
                        (rs, i) -> new Pincode(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4))),
                jdbc.query(
                        "SELECT id, name, pincode, handling_hours, cutoff_time, slot FROM warehouse ORDER BY slot",
                        (rs, i) -> new Warehouse(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getTime(5).toLocalTime(),
                                rs.getInt(6))),
                jdbc.query(
                        "SELECT id, name, state, latitude, longitude FROM hub",
                        (rs, i) -> new Hub(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5))),
                jdbc.query("SELECT code, name FROM courier", (rs, i) -> new Courier(rs.getString(1), rs.getString(2))),
                jdbc.query(
                        "SELECT from_node, to_node, courier, transit_hours, max_size FROM lane",
                        (rs, i) -> new Lane(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                SizeClass.valueOf(rs.getString(5)))),
                jdbc.query(
                        "SELECT hub_id, pincode, courier, transit_hours, max_size FROM coverage",
                        (rs, i) -> new Coverage(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                SizeClass.valueOf(rs.getString(5)))));
    }

    public void savePincodes(List<Pincode> rows) {
        jdbc.batchUpdate(
                "INSERT INTO pincode (code, state, latitude, longitude) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE state = VALUES(state), latitude = VALUES(latitude), longitude = VALUES(longitude)",
                rows,
                1000,
                (ps, p) -> {
                    ps.setString(1, p.code());
                    ps.setString(2, p.state());
                    ps.setDouble(3, p.latitude());
                    ps.setDouble(4, p.longitude());
                });
    }

    public void saveCouriers(List<Courier> rows) {
        jdbc.batchUpdate(
                "INSERT INTO courier (code, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
                rows,
                1000,
                (ps, c) -> {
                    ps.setString(1, c.code());
                    ps.setString(2, c.name());
                });
    }

    public void saveWarehouses(List<Warehouse> rows) {
        jdbc.batchUpdate(
                "INSERT INTO warehouse (id, name, pincode, handling_hours, cutoff_time, slot) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE name = VALUES(name), pincode = VALUES(pincode), "
                        + "handling_hours = VALUES(handling_hours), cutoff_time = VALUES(cutoff_time)",
                rows,
                1000,
                (ps, w) -> {
                    ps.setString(1, w.id());
                    ps.setString(2, w.name());
                    ps.setString(3, w.pincode());
                    ps.setInt(4, w.handlingHours());
                    ps.setTime(5, Time.valueOf(w.cutoff()));
                    ps.setInt(6, w.slot());
                });
    }

    public void saveHubs(List<Hub> rows) {
        jdbc.batchUpdate(
                "INSERT INTO hub (id, name, state, latitude, longitude) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE name = VALUES(name), state = VALUES(state), "
                        + "latitude = VALUES(latitude), longitude = VALUES(longitude)",
                rows,
                1000,
                (ps, h) -> {
                    ps.setString(1, h.id());
                    ps.setString(2, h.name());
                    ps.setString(3, h.state());
                    ps.setDouble(4, h.latitude());
                    ps.setDouble(5, h.longitude());
                });
    }

    public void saveLanes(List<Lane> rows) {
        jdbc.batchUpdate(
                "INSERT INTO lane (from_node, to_node, courier, transit_hours, max_size) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE transit_hours = VALUES(transit_hours), max_size = VALUES(max_size)",
                rows,
                1000,
                (ps, l) -> {
                    ps.setString(1, l.from());
                    ps.setString(2, l.to());
                    ps.setString(3, l.courier());
                    ps.setInt(4, l.transitHours());
                    ps.setString(5, l.maxSize().name());
                });
    }

    public void saveCoverage(List<Coverage> rows) {
        jdbc.batchUpdate(
                "INSERT INTO coverage (hub_id, pincode, courier, transit_hours, max_size) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE courier = VALUES(courier), transit_hours = VALUES(transit_hours), "
                        + "max_size = VALUES(max_size)",
                rows,
                1000,
                (ps, c) -> {
                    ps.setString(1, c.hub());
                    ps.setString(2, c.pincode());
                    ps.setString(3, c.courier());
                    ps.setInt(4, c.transitHours());
                    ps.setString(5, c.maxSize().name());
                });
    }

    public boolean deleteLane(Lane.LaneKey key) {
        return jdbc.update(
                        "DELETE FROM lane WHERE from_node = ? AND to_node = ? AND courier = ?",
                        key.from(),
                        key.to(),
                        key.courier())
                > 0;
    }
}
