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
 * handling time applied to the order time. No graph search, no database, no remote call.
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
        List<ItemServiceability> answers = new ArrayList<>(itemIds.size());
        for (String itemId : itemIds) {
            answers.add(checkOne(itemId, row, warehouses, handlingStarts, orderedAt));
        }
        return answers;
    }

    private ItemServiceability checkOne(
            String itemId, byte[] row, Map<String, Warehouse> warehouses, long[] handlingStarts, Instant orderedAt) {
        ItemSize size = items.size(itemId);
        ItemStock stock = items.stock(itemId);
        if (size == null) {
            return ItemServiceability.no(itemId, "UNKNOWN_ITEM");
        }
        if (!size.active()) {
            return ItemServiceability.no(itemId, "INACTIVE");
        }
        Warehouse best = null;
        long bestArrival = Long.MAX_VALUE;
        int bestTransit = 0;
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
            if (arrival < bestArrival) {
                best = warehouse;
                bestArrival = arrival;
                bestTransit = transit;
            }
        }
        if (best == null) {
            return ItemServiceability.no(itemId, anyStock ? "NOT_SERVICEABLE" : "OUT_OF_STOCK");
        }
        DeliveryPromise promise = DeliveryPromise.of(orderedAt, best.cutoff(), best.handlingHours(), bestTransit);
        return new ItemServiceability(
                itemId, true, best.id(), promise.etaHours(), promise.promiseDate(), promise.promisedBy(), null);
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
