package dev.bazaar.item.catalog;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CanonicalItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One item in the {@code items} collection.
 *
 * @param version the item's revision: +1 on every visible change (supplier or OPS); it is the
 *        {@code version} of the item in REST responses, ETags and {@code catalog.items.v1} events
 * @param supplierVersion the highest supplier version received; guards against late, older events
 *        and is not shown to clients (an unchanged re-send raises it without any visible change)
 * @param categoryPrefixes every ancestor of {@code categoryPath}, for subtree listing with one index
 * @param contentHash {@link ItemContent#hash()}: tells a real change from a re-send
 * @param unpublished changes written but not yet acknowledged by Kafka (normally empty)
 */
@Document(ItemDocument.COLLECTION)
public record ItemDocument(
        @Id String id,
        String supplierId,
        String supplierSku,
        long version,
        long supplierVersion,
        String title,
        String brand,
        List<String> categoryPath,
        List<String> categoryPrefixes,
        Money price,
        Money mrp,
        List<String> images,
        String description,
        Map<String, Object> attributes,
        SizeClass sizeClass,
        boolean active,
        String contentHash,
        List<PendingChange> unpublished,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "items";

    public ItemDocument {
        unpublished = unpublished == null ? List.of() : unpublished;
    }

    /** A new item, with its creation waiting to be published. */
    public static ItemDocument created(String id, String supplierId, String supplierSku, long supplierVersion,
            ItemContent content, PendingChange change) {
        return new ItemDocument(id, supplierId, supplierSku, 1, supplierVersion, content.title(), content.brand(),
                content.categoryPath(), content.categoryPrefixes(), content.price(), content.mrp(), content.images(),
                content.description(), content.attributes(), content.sizeClass(), content.active(), content.hash(),
                List.of(change), change.occurredAt(), change.occurredAt());
    }

    /** This item after {@link ItemStore#changeUpdate}: what the store holds once that update applied. */
    public ItemDocument changed(long newSupplierVersion, ItemContent content, PendingChange change) {
        return new ItemDocument(id, supplierId, supplierSku, version + 1, newSupplierVersion, content.title(),
                content.brand(), content.categoryPath(), content.categoryPrefixes(), content.price(), content.mrp(),
                content.images(), content.description(), content.attributes(), content.sizeClass(), content.active(),
                content.hash(), List.of(change), createdAt, change.occurredAt());
    }

    public ItemContent content() {
        return new ItemContent(title, brand, categoryPath, price, mrp, images, description, attributes, sizeClass,
                active);
    }

    public CanonicalItem toCanonical() {
        return new CanonicalItem(id, supplierId, supplierSku, version, title, brand, categoryPath, price, mrp, images,
                description, attributes, sizeClass, active);
    }
}
