package dev.bazaar.serviceability.itemlocation;

import dev.bazaar.contracts.SizeClass;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory projections the request path reads: item → size class and item → stock per
 * warehouse. Both apply "highest version wins", exactly like the MariaDB copy they are reloaded
 * from at startup, so replayed or late events change nothing.
 */
public class ItemLocations {

    private final Map<String, ItemSize> sizes = new ConcurrentHashMap<>();
    private final Map<String, ItemStock> stock = new ConcurrentHashMap<>();

    public record ItemSize(SizeClass sizeClass, boolean active, long version) {}

    /** Stock of one item in each warehouse that ever reported it; arrays keep the hot path allocation-free. */
    public record ItemStock(String[] warehouseIds, long[] available, long[] versions) {

        static final ItemStock NONE = new ItemStock(new String[0], new long[0], new long[0]);

        ItemStock with(String warehouseId, long newAvailable, long version) {
            int i = Arrays.asList(warehouseIds).indexOf(warehouseId);
            if (i >= 0 && versions[i] >= version) {
                return this; // stale or repeated event
            }
            int n = i >= 0 ? warehouseIds.length : warehouseIds.length + 1;
            int at = i >= 0 ? i : warehouseIds.length;
            String[] ids = Arrays.copyOf(warehouseIds, n);
            long[] levels = Arrays.copyOf(available, n);
            long[] vs = Arrays.copyOf(versions, n);
            ids[at] = warehouseId;
            levels[at] = newAvailable;
            vs[at] = version;
            return new ItemStock(ids, levels, vs);
        }
    }

    public ItemSize size(String itemId) {
        return sizes.get(itemId);
    }

    public ItemStock stock(String itemId) {
        return stock.get(itemId);
    }

    public void applySize(String itemId, SizeClass sizeClass, boolean active, long version) {
        ItemSize next = new ItemSize(sizeClass, active, version);
        sizes.merge(
                itemId, next, (current, candidate) -> candidate.version() > current.version() ? candidate : current);
    }

    public void applyStock(String itemId, String warehouseId, long available, long version) {
        stock.compute(
                itemId,
                (id, current) -> (current == null ? ItemStock.NONE : current).with(warehouseId, available, version));
    }

    public int items() {
        return Math.max(sizes.size(), stock.size());
    }
}
