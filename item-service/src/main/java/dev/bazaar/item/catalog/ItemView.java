package dev.bazaar.item.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An item as the REST API shows it: the canonical item plus timestamps; no internal bookkeeping. */
public record ItemView(
        String itemId,
        String supplierId,
        String supplierSku,
        long version,
        String title,
        String brand,
        List<String> categoryPath,
        Money price,
        Money mrp,
        List<String> images,
        String description,
        Map<String, Object> attributes,
        SizeClass sizeClass,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public static ItemView of(ItemDocument item) {
        return new ItemView(
                item.id(),
                item.supplierId(),
                item.supplierSku(),
                item.version(),
                item.title(),
                item.brand(),
                item.categoryPath(),
                item.price(),
                item.mrp(),
                item.images(),
                item.description(),
                item.attributes(),
                item.sizeClass(),
                item.active(),
                item.createdAt(),
                item.updatedAt());
    }

    /** The strong ETag of this revision, as OPS clients send it back in {@code If-Match}. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
