package dev.bazaar.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo shop's catalogue, generated: {@value #ITEMS_PER_DEPARTMENT} items in each department of
 * {@link Departments}, shared out among its product lines. Deterministic: each line draws from its
 * own {@link Random} seeded from the catalogue seed and the line's code ({@code Random}'s sequence is
 * fixed by its specification), so every run makes the same items with the same SKUs, hence the same
 * item ids, and a re-import finds them all unchanged. Adding a line changes no other line's items.
 */
public final class DemoCatalogue {

    /** The supplier inbound-service creates for the local demo ({@code DemoSupplier}). */
    public static final String SUPPLIER_ID = "demo-supplier";

    public static final long SEED = 20_261_218L;
    static final int ITEMS_PER_DEPARTMENT = 500;

    private final long seed;
    private final List<ProductLine> lines;

    DemoCatalogue(long seed, List<ProductLine> lines) {
        this.seed = seed;
        this.lines = lines;
    }

    public static DemoCatalogue standard() {
        return new DemoCatalogue(SEED, Departments.LINES);
    }

    public List<DemoItem> items() {
        List<DemoItem> items = new ArrayList<>();
        for (List<ProductLine> department : departments().values()) {
            for (int i = 0; i < department.size(); i++) {
                ProductLine line = department.get(i);
                // The first lines of a department take the remainder, so each department has the same count.
                int count = ITEMS_PER_DEPARTMENT / department.size()
                        + (i < ITEMS_PER_DEPARTMENT % department.size() ? 1 : 0);
                Random random = new Random(seed * 1_000_003L + line.code().hashCode());
                for (int number = 1; number <= count; number++) {
                    items.add(line.item(number, random));
                }
            }
        }
        return items;
    }

    /** Top-level category → its product lines, in the order {@link Departments} lists them. */
    Map<String, List<ProductLine>> departments() {
        Map<String, List<ProductLine>> departments = new LinkedHashMap<>();
        for (ProductLine line : lines) {
            departments
                    .computeIfAbsent(line.categoryPath().get(0), name -> new ArrayList<>())
                    .add(line);
        }
        return departments;
    }
}
