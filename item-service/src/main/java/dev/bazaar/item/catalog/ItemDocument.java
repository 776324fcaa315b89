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
 * @param lastChange the change that produced this revision; its event announces it
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
        ItemChange lastChange,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "items";

    /** A new item; {@code change} is its creation. */
    public static ItemDocument created(
            String id,
            String supplierId,
            String supplierSku,
            long supplierVersion,
            ItemContent content,
            ItemChange change) {
        return new ItemDocument(
                id,
                supplierId,
                supplierSku,
                1,
                supplierVersion,
                content.title(),
                content.brand(),
                content.categoryPath(),
                content.categoryPrefixes(),
                content.price(),
                content.mrp(),
                content.images(),
                content.description(),
                content.attributes(),
                content.sizeClass(),
                content.active(),
                change,
                change.occurredAt(),
                change.occurredAt());
    }

    /** This item after {@link ItemStore#changeUpdate}: what the store holds once that update applied. */
    public ItemDocument changed(long newSupplierVersion, ItemContent content, ItemChange change) {
        return new ItemDocument(
                id,
                supplierId,
                supplierSku,
                version + 1,
                newSupplierVersion,
                content.title(),
                content.brand(),
                content.categoryPath(),
                content.categoryPrefixes(),
                content.price(),
                content.mrp(),
                content.images(),
                content.description(),
                content.attributes(),
                content.sizeClass(),
                content.active(),
                change,
                createdAt,
                change.occurredAt());
    }

    /** Whether this revision is the one written with {@code eventId}. */
    public boolean writtenWith(String eventId) {
        return lastChange != null && lastChange.eventId().equals(eventId);
    }

    public ItemContent content() {
        return new ItemContent(
                title, brand, categoryPath, price, mrp, images, description, attributes, sizeClass, active);
    }

    public CanonicalItem toCanonical() {
        return new CanonicalItem(
                id,
                supplierId,
                supplierSku,
                version,
                title,
                brand,
                categoryPath,
                price,
                mrp,
                images,
                description,
                attributes,
                sizeClass,
                active);
    }
}
