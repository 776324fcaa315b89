package dev.bazaar.testing;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.contracts.catalog.SupplierItemReceived;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test items as inbound-service translates a supplier's row ({@link CanonicalItem}), with a value for
 * every field a test does not care about: {@code item(supplier, sku)} is version 1 of an active,
 * small "Test item <sku>" by Acme in Kitchen &amp; Dining &gt; Mugs at ₹499 (MRP the same), no images,
 * description or attributes; its item id is {@link ItemIds#of}. A test states only what it asserts:
 * {@code item("s-1", "sku-1").price(12_300).build()}, and a later version of an item with
 * {@code next(item).active(false).build()}.
 */
public final class SupplierItems {

    public static final long DEFAULT_PRICE_MINOR = 49_900;

    /** Version 1 of the supplier's item {@code sku}, with the defaults above. */
    public static Builder item(String supplierId, String sku) {
        return new Builder(ItemIds.of(supplierId, sku), supplierId, sku);
    }

    /**
     * Version 1 of a cotton kurta by Fabindia in Clothing &gt; Women's Clothing &gt; Kurtas at ₹799 (MRP
     * ₹999) with a description: an item with every text field filled, for tests of how one is stored or
     * indexed (they add the images and attributes they check).
     */
    public static Builder kurta(String supplierId, String sku) {
        return item(supplierId, sku)
                .title("Cotton kurta " + sku)
                .brand("Fabindia")
                .categoryPath(List.of("Clothing", "Women's Clothing", "Kurtas"))
                .price(79_900)
                .mrp(99_900)
                .description("A straight cotton kurta");
    }

    /** Every field of {@code item}, to change some of them. */
    public static Builder from(CanonicalItem item) {
        Builder builder = new Builder(item.itemId(), item.supplierId(), item.supplierSku());
        builder.version = item.version();
        builder.title = item.title();
        builder.brand = item.brand();
        builder.categoryPath = item.categoryPath();
        builder.price = item.price();
        builder.mrp = item.mrp();
        builder.images = item.images();
        builder.description = item.description();
        builder.attributes = item.attributes();
        builder.sizeClass = item.sizeClass();
        builder.active = item.active();
        return builder;
    }

    /** The next version of {@code item} (item-service keeps only a higher version than it holds). */
    public static Builder next(CanonicalItem item) {
        return from(item).version(item.version() + 1);
    }

    /** The event inbound-service publishes for {@code item} on supplier.items.v1, in an import of {@code importId}. */
    public static SupplierItemReceived received(CanonicalItem item, String importId) {
        return new SupplierItemReceived(UUID.randomUUID(), Instant.now(), importId, item);
    }

    public static final class Builder {

        private final String itemId;
        private final String supplierId;
        private final String sku;
        private long version = 1;
        private String title;
        private String brand = "Acme";
        private List<String> categoryPath = List.of("Kitchen & Dining", "Mugs");
        private Money price = Money.inr(DEFAULT_PRICE_MINOR);
        // null: the same as the price
        private Money mrp;
        private List<String> images = List.of();
        private String description = "";
        private Map<String, Object> attributes = Map.of();
        private SizeClass sizeClass = SizeClass.SMALL;
        private boolean active = true;

        private Builder(String itemId, String supplierId, String sku) {
            this.itemId = itemId;
            this.supplierId = supplierId;
            this.sku = sku;
            this.title = "Test item " + sku;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder brand(String brand) {
            this.brand = brand;
            return this;
        }

        public Builder categoryPath(List<String> categoryPath) {
            this.categoryPath = categoryPath;
            return this;
        }

        /** The price in INR minor units (paise). */
        public Builder price(long minor) {
            this.price = Money.inr(minor);
            return this;
        }

        /** The MRP in INR minor units; the price unless stated. */
        public Builder mrp(long minor) {
            this.mrp = Money.inr(minor);
            return this;
        }

        public Builder images(List<String> images) {
            this.images = images;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder attributes(Map<String, Object> attributes) {
            this.attributes = attributes;
            return this;
        }

        public Builder sizeClass(SizeClass sizeClass) {
            this.sizeClass = sizeClass;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        public CanonicalItem build() {
            return new CanonicalItem(
                    itemId,
                    supplierId,
                    sku,
                    version,
                    title,
                    brand,
                    categoryPath,
                    price,
                    mrp == null ? price : mrp,
                    images,
                    description,
                    attributes,
                    sizeClass,
                    active);
        }
    }

    private SupplierItems() {}
}
