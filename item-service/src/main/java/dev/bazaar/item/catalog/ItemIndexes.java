package dev.bazaar.item.catalog;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of the access paths before any listener or request touches the collection
 * (idempotent: existing indexes are kept). mongo-java-server ignores non-unique indexes; real
 * MongoDB (docker-compose, production) uses them all.
 */
@Component
class ItemIndexes implements InitializingBean {

    // Supplier attribute names may contain dots ("Dimensions (cm.)"), which Mongo would read as paths.
    private static final String MAP_KEY_DOT_REPLACEMENT = "\uFF0E";

    private final MongoTemplate mongo;
    private final List<String> indexedAttributes;

    ItemIndexes(MongoTemplate mongo, MappingMongoConverter converter, CatalogProperties properties) {
        this.mongo = mongo;
        this.indexedAttributes = properties.indexedAttributes();
        converter.setMapKeyDotReplacement(MAP_KEY_DOT_REPLACEMENT);
    }

    /** A map key as the converter stores it. */
    static String escapeMapKey(String key) {
        return key.replace(".", MAP_KEY_DOT_REPLACEMENT);
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(ItemDocument.class);
        // Lookup by supplier SKU. Not unique on purpose: every writer derives _id from (supplierId,
        // supplierSku) with ItemIds.of, so _id already makes the business key unique, and a second
        // unique index would double the cost of every insert.
        indexes.createIndex(new Index()
                .named("supplier_sku_lookup")
                .on("supplierId", Direction.ASC)
                .on("supplierSku", Direction.ASC));
        // Listing by supplier or category subtree, sorted by id (the stable page order).
        indexes.createIndex(new Index()
                .named("supplier_list")
                .on("supplierId", Direction.ASC)
                .on("_id", Direction.ASC));
        indexes.createIndex(new Index()
                .named("category_list")
                .on("categoryPrefixes", Direction.ASC)
                .on("_id", Direction.ASC));
        // The re-publication sweep looks for old intents (the collection is normally empty).
        mongo.indexOps(PublicationIntent.class)
                .createIndex(new Index().named("created").on("createdAt", Direction.ASC));
        for (String attribute : indexedAttributes) {
            indexes.createIndex(new Index()
                    .named("attr_" + attribute)
                    .on("attributes." + attribute, Direction.ASC)
                    .on("_id", Direction.ASC));
        }
    }
}
