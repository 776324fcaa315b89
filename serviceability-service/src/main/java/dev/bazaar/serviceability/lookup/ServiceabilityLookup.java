package dev.bazaar.serviceability.lookup;

import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.serviceability.itemlocation.ItemLocations.ItemSize;
import dev.bazaar.serviceability.itemlocation.ItemLocations.ItemStock;
import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.matrix.MatrixStore;
import dev.bazaar.serviceability.network.Warehouse;
import dev.bazaar.serviceability.tat.DeliveryPromise;
import dev.bazaar.serviceability.tat.TatEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The request path: one Redis read for the pincode's matrix row, then per item the in-memory
 * projections (size class, warehouses with stock) and, per candidate warehouse, the cut-off and
 * handling time applied to the order time. No graph search, no database, no remote call. Each item's
 * answer names the earliest warehouse and lists every reachable stocked one in promise order.
 */
public class ServiceabilityLookup {

    private final MatrixStore matrix;
    private final MatrixMaintainer network;
    private final ItemLocations items;

    public ServiceabilityLookup(MatrixStore matrix, MatrixMaintainer network, ItemLocations items) {
        this.matrix = matrix;
        this.network = network;
        this.items = items;
    }

    /** @throws UnknownPincodeException when the pincode is not in the network */
    public List<ItemServiceability> check(String pincode, List<String> itemIds, Instant orderedAt) {
        byte[] row = matrix.row(pincode);
        if (row == null) {
            throw new UnknownPincodeException(pincode);
        }
        Map<String, Warehouse> warehouses = network.warehousesById();
        // Handling start per warehouse slot depends only on the order time: computed once per request.
        long[] handlingStarts = new long[network.warehousesBySlot().length];
        Arrays.fill(handlingStarts, Long.MIN_VALUE);
        Candidates scratch = new Candidates(handlingStarts.length);
        List<ItemServiceability> answers = new ArrayList<>(itemIds.size());
        for (String itemId : itemIds) {
            answers.add(checkOne(itemId, row, warehouses, handlingStarts, scratch, orderedAt));
        }
        return answers;
    }

    private ItemServiceability checkOne(
            String itemId,
            byte[] row,
            Map<String, Warehouse> warehouses,
            long[] handlingStarts,
            Candidates scratch,
            Instant orderedAt) {
        ItemSize size = items.size(itemId);
        ItemStock stock = items.stock(itemId);
        if (size == null) {
            return ItemServiceability.no(itemId, "UNKNOWN_ITEM");
        }
        if (!size.active()) {
            return ItemServiceability.no(itemId, "INACTIVE");
        }
        // The reachable stocked warehouses, kept sorted by arrival as they are found (insertion into
        // the request's scratch arrays: an item is stocked in a handful of warehouses at most).
        int found = 0;
        boolean anyStock = false;
        for (int i = 0; stock != null && i < stock.warehouseIds().length; i++) {
            if (stock.available()[i] <= 0) {
                continue;
            }
            anyStock = true;
            Warehouse warehouse = warehouses.get(stock.warehouseIds()[i]);
            if (warehouse == null) {
                continue; // stock in a warehouse the network does not know (yet)
            }
            int transit = TatEntry.hours(row, warehouse.slot(), size.sizeClass());
            if (transit == TatEntry.UNREACHABLE) {
                continue;
            }
            long arrival = handlingStart(warehouse, handlingStarts, orderedAt)
                    + (warehouse.handlingHours() + (long) transit) * 3600;
            found = scratch.insert(found, warehouse, arrival, transit);
        }
        if (found == 0) {
            return ItemServiceability.no(itemId, anyStock ? "NOT_SERVICEABLE" : "OUT_OF_STOCK");
        }
        Warehouse best = scratch.warehouses[0];
        String[] candidates = new String[found];
        for (int i = 0; i < found; i++) {
            candidates[i] = scratch.warehouses[i].id();
        }
        DeliveryPromise promise =
                DeliveryPromise.of(orderedAt, best.cutoff(), best.handlingHours(), scratch.transits[0]);
        return new ItemServiceability(
                itemId,
                true,
                best.id(),
                List.of(candidates),
                promise.etaHours(),
                promise.promiseDate(),
                promise.promisedBy(),
                null);
    }

    /**
     * One request's candidate buffer, reused for each of its items: warehouses ordered by arrival.
     * Equal arrivals keep the order the stock lists them in (the first found stays first).
     */
    private static final class Candidates {

        Warehouse[] warehouses;
        long[] arrivals;
        int[] transits;

        Candidates(int capacity) {
            int n = Math.max(capacity, 4);
            warehouses = new Warehouse[n];
            arrivals = new long[n];
            transits = new int[n];
        }

        /** Inserts into the first {@code size} entries, returns the new size. */
        int insert(int size, Warehouse warehouse, long arrival, int transit) {
            if (size == warehouses.length) {
                warehouses = Arrays.copyOf(warehouses, size * 2);
                arrivals = Arrays.copyOf(arrivals, size * 2);
                transits = Arrays.copyOf(transits, size * 2);
            }
            int at = size;
            while (at > 0 && arrivals[at - 1] > arrival) {
                warehouses[at] = warehouses[at - 1];
                arrivals[at] = arrivals[at - 1];
                transits[at] = transits[at - 1];
                at--;
            }
            warehouses[at] = warehouse;
            arrivals[at] = arrival;
            transits[at] = transit;
            return size + 1;
        }
    }

    private static long handlingStart(Warehouse warehouse, long[] cache, Instant orderedAt) {
        int slot = warehouse.slot();
        if (slot >= cache.length) {
            return DeliveryPromise.handlingStarts(orderedAt, warehouse.cutoff()).getEpochSecond();
        }
        if (cache[slot] == Long.MIN_VALUE) {
            cache[slot] = DeliveryPromise.handlingStarts(orderedAt, warehouse.cutoff())
                    .getEpochSecond();
        }
        return cache[slot];
    }
}
