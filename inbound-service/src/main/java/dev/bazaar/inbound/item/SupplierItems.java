package dev.bazaar.inbound.item;

import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code supplier_item} ledger: what each supplier item looked like when it was last published.
 * Its content hash turns a re-sent unchanged row into a no-op, and its version orders the changes
 * item-service applies. Call inside the transaction that publishes the events.
 */
@Component
public class SupplierItems {

    private record Current(byte[] hash, long version, boolean active) {}

    /**
     * A new or changed item as recorded, with its JSON: the ledger's snapshot, and the bulk of the
     * event that announces it (serialized once).
     */
    public record Recorded(CanonicalItem item, byte[] json) {}

    /** @param created no ledger row yet (as read at the start of the chunk) */
    private record Change(Recorded recorded, byte[] hash, boolean created) {}

    // One digest per thread: MessageDigest.getInstance searches the security providers every time.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SupplierItems(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, JsonMapper json) {
        this.named = named;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the new and changed items with their next version and returns them (in input order);
     * items equal to their last published content are left out. Expects items at version 0.
     *
     * <p>The content hash is the SHA-256 of the item's JSON at its stored version: a candidate is
     * unchanged when its JSON at that version hashes the same. A new item is serialized once, for
     * its hash, its snapshot and its event alike. (Ledger rows written before 2026-12-01 hashed
     * the JSON at version 0, so each such item is sent once more on its next import; item-service
     * finds its content unchanged and announces nothing.)
     *
     * <p>With {@code assumeNew} the ledger is not read: every candidate is taken for a new item and
     * inserted. If one exists after all, the insert fails with a {@link
     * org.springframework.dao.DuplicateKeyException} and the caller's transaction must roll back and
     * write the candidates again without it. On a first import every lookup found nothing, and those
     * lookups were a fifth of MariaDB's CPU.
     */
    public List<Recorded> recordChanges(List<CanonicalItem> candidates, boolean assumeNew) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Current> current = assumeNew
                ? new HashMap<>()
                : current(candidates.stream().map(CanonicalItem::itemId).toList());
        List<Change> changes = new ArrayList<>();
        for (CanonicalItem candidate : candidates) {
            Current before = current.get(candidate.itemId());
            if (before != null
                    && before.active()
                    && Arrays.equals(before.hash(), hashAt(candidate, before.version()))) {
                continue;
            }
            long version = before == null ? 1 : before.version() + 1;
            CanonicalItem recorded = withVersion(candidate, version, true);
            byte[] content = json.writeValueAsBytes(recorded);
            byte[] hash = sha256(content);
            // Later rows of the same chunk see this one: a SKU sent twice is one change, not two conflicting ones.
            current.put(candidate.itemId(), new Current(hash, version, true));
            changes.add(new Change(new Recorded(recorded, content), hash, before == null));
        }
        upsert(changes);
        return changes.stream().map(Change::recorded).toList();
    }

    private byte[] hashAt(CanonicalItem candidate, long version) {
        return sha256(json.writeValueAsBytes(withVersion(candidate, version, true)));
    }

    /** @param changed false when the item was inactive already: nothing to publish */
    public record Deactivation(CanonicalItem item, boolean changed) {}

    /** Deactivates the supplier's item: the last snapshot with the next version and {@code active=false}. */
    public Optional<Deactivation> deactivate(String supplierId, String sku) {
        List<Object[]> rows = jdbc.query(
                """
                SELECT content_hash, version, active, snapshot FROM supplier_item
                WHERE item_id = ? FOR UPDATE""",
                (rs, n) -> new Object[] {rs.getBytes(1), rs.getLong(2), rs.getBoolean(3), rs.getBytes(4)},
                ItemIds.of(supplierId, sku));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        CanonicalItem snapshot = json.readValue((byte[]) row[3], CanonicalItem.class);
        if (!(Boolean) row[2]) {
            return Optional.of(new Deactivation(withVersion(snapshot, (Long) row[1], false), false));
        }
        CanonicalItem deactivated = withVersion(snapshot, (Long) row[1] + 1, false);
        jdbc.update(
                "UPDATE supplier_item SET version = ?, active = FALSE, updated_at = ? WHERE item_id = ?",
                deactivated.version(),
                Timestamp.from(Instant.now()),
                deactivated.itemId());
        return Optional.of(new Deactivation(deactivated, true));
    }

    private Map<String, Current> current(List<String> itemIds) {
        Set<String> ids = new LinkedHashSet<>(itemIds);
        Map<String, Current> current = new HashMap<>();
        named.query(
                "SELECT item_id, content_hash, version, active FROM supplier_item WHERE item_id IN (:ids)",
                Map.of("ids", ids),
                rs -> {
                    current.put(rs.getString(1), new Current(rs.getBytes(2), rs.getLong(3), rs.getBoolean(4)));
                });
        return current;
    }

    /**
     * New items with one plain INSERT batch, which the driver sends as one bulk statement; an
     * {@code INSERT … ON DUPLICATE KEY UPDATE} batch went as one statement per row and cost MariaDB
     * about twice the CPU. Changed items are updated after them (a SKU sent twice in a chunk is
     * inserted, then updated). An item another writer created since the read fails the insert with
     * a duplicate key; the chunk is then written again and finds it (ImportProcessor).
     */
    private void upsert(List<Change> changes) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Change> created = changes.stream().filter(Change::created).toList();
        List<Change> changed =
                changes.stream().filter(change -> !change.created()).toList();
        if (!created.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO supplier_item (item_id, supplier_id, sku, content_hash, version, active, snapshot, updated_at)
                    VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)""", created, created.size(), (ps, change) -> {
                CanonicalItem item = change.recorded().item();
                ps.setString(1, item.itemId());
                ps.setString(2, item.supplierId());
                ps.setString(3, item.supplierSku());
                ps.setBytes(4, change.hash());
                ps.setLong(5, item.version());
                ps.setBytes(6, change.recorded().json());
                ps.setTimestamp(7, now);
            });
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE supplier_item SET content_hash = ?, version = ?, active = TRUE, snapshot = ?, updated_at = ?
                    WHERE item_id = ?""", changed, changed.size(), (ps, change) -> {
                ps.setBytes(1, change.hash());
                ps.setLong(2, change.recorded().item().version());
                ps.setBytes(3, change.recorded().json());
                ps.setTimestamp(4, now);
                ps.setString(5, change.recorded().item().itemId());
            });
        }
    }

    static CanonicalItem withVersion(CanonicalItem item, long version, boolean active) {
        return new CanonicalItem(
                item.itemId(),
                item.supplierId(),
                item.supplierSku(),
                version,
                item.title(),
                item.brand(),
                item.categoryPath(),
                item.price(),
                item.mrp(),
                item.images(),
                item.description(),
                item.attributes(),
                item.sizeClass(),
                active);
    }

    private static byte[] sha256(byte[] content) {
        return SHA_256.get().digest(content);
    }
}
