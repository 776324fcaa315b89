package dev.bazaar.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Which demo item is received into which warehouse, and how many: a pure function of the catalogue
 * and the warehouse ids, so every run plans the same receipts with the same ids and a re-run
 * (inventory-service takes a receipt id once) changes nothing.
 * <ul>
 * <li>every {@value #OUT_OF_STOCK_EVERY}th item (catalogue order: spread over every department) is
 * received nowhere: out of stock, hidden wherever a pincode is known;</li>
 * <li>of the others, every {@value #TWO_WAREHOUSES_EVERY}th is in two warehouses, the rest in one
 * only (so where one warehouse cannot reach, the item may still come from the other);</li>
 * <li>the warehouses and quantities (5–50) follow from the item id's {@link String#hashCode()}
 * (specified by the JLS, so the same on every JVM), among the warehouses sorted by id.</li>
 * </ul>
 * One receipt per item and warehouse, id {@code demo-<itemId>-<warehouseId>}.
 */
record StockPlan(List<Receipt> receipts, int items, int outOfStock, List<String> warehouses) {

    static final int OUT_OF_STOCK_EVERY = 20;
    static final int TWO_WAREHOUSES_EVERY = 4;

    record Receipt(String receiptId, String warehouseId, String itemId, int quantity) {}

    static StockPlan of(List<DemoItem> items, List<String> warehouseIds) {
        List<String> warehouses = warehouseIds.stream().distinct().sorted().toList();
        if (warehouses.isEmpty()) {
            throw new DemoFailure("the logistics network has no warehouse to stock the demo catalogue in");
        }
        List<Receipt> receipts = new ArrayList<>();
        int outOfStock = 0;
        int stocked = 0;
        for (int i = 0; i < items.size(); i++) {
            String itemId = items.get(i).itemId();
            if (i % OUT_OF_STOCK_EVERY == OUT_OF_STOCK_EVERY - 1) {
                outOfStock++;
                continue;
            }
            int hash = itemId.hashCode() & Integer.MAX_VALUE;
            int first = hash % warehouses.size();
            receipts.add(receipt(itemId, warehouses.get(first), 5 + hash % 46));
            if (stocked++ % TWO_WAREHOUSES_EVERY == TWO_WAREHOUSES_EVERY - 1 && warehouses.size() > 1) {
                int offset = 1 + (hash / warehouses.size()) % (warehouses.size() - 1);
                receipts.add(receipt(itemId, warehouses.get((first + offset) % warehouses.size()), 5 + hash / 7 % 46));
            }
        }
        return new StockPlan(List.copyOf(receipts), items.size(), outOfStock, warehouses);
    }

    private static Receipt receipt(String itemId, String warehouseId, int quantity) {
        return new Receipt("demo-" + itemId + "-" + warehouseId, warehouseId, itemId, quantity);
    }

    /** Received last, after every other receipt has been taken: once it is in, the whole plan is. */
    Receipt sentinel() {
        return receipts.get(receipts.size() - 1);
    }
}
