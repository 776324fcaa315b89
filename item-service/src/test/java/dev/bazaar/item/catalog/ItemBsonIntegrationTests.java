package dev.bazaar.item.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.SizeClass;
import dev.bazaar.contracts.catalog.CatalogItemChanged.Change;
import dev.bazaar.contracts.catalog.ItemIds;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The importer's direct BSON must be what Spring Data's mapping stores for the same item, field
 * for field and type for type, or items imported in bulk would read back differently from items
 * written any other way.
 */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MONGO})
class ItemBsonIntegrationTests {

    @Autowired
    ItemBson bson;

    @Autowired
    ItemStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void writesWhatSpringDataWritesForAnItemWithEveryField() {
        ItemDocument item = fullItem("BSON-1");

        assertThat(direct(item)).isEqualTo(springData(item));
        assertThat(direct(item).keySet())
                .as("every stored field of the record is written")
                .containsAll(Arrays.stream(ItemDocument.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .map(name -> name.equals("id") ? "_id" : name)
                        .toList());
    }

    @Test
    void leavesOutNullFieldsAsSpringDataDoes() {
        ItemDocument full = fullItem("BSON-2");
        ItemDocument sparse = new ItemDocument(
                full.id(),
                full.supplierId(),
                full.supplierSku(),
                1,
                1,
                "Plain mug",
                null,
                List.of(),
                List.of(),
                Money.inr(19900),
                null,
                List.of(),
                null,
                Map.of(),
                null,
                true,
                full.lastChange(),
                full.createdAt(),
                full.updatedAt());

        assertThat(direct(sparse))
                .isEqualTo(springData(sparse))
                .doesNotContainKeys("brand", "mrp", "description", "sizeClass");
    }

    @Test
    void anItemInsertedInBulkReadsBackAsTheSameItem() {
        ItemDocument item = fullItem("BSON-3");

        assertThat(store.insertNew(List.of(item))).isEmpty();

        ItemDocument read = store.find(item.id()).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("attributes").isEqualTo(item);
        assertThat(read.attributes())
                .containsEntry("fabric", "Cotton")
                .containsEntry("pockets", 2)
                .containsEntry("Dimensions (cm.)", "30 x 20");
        assertThat(store.insertNew(List.of(item, fullItem("BSON-4"))))
                .as("an id that exists is reported, the rest stored")
                .containsExactly(item.id());
        assertThat(store.find(fullItem("BSON-4").id())).isPresent();
    }

    private Document direct(ItemDocument item) {
        return new DocumentCodec()
                .decode(
                        bson.toBson(item).asBsonReader(),
                        DecoderContext.builder().build());
    }

    private Document springData(ItemDocument item) {
        Document document = new Document();
        mongo.getConverter().write(item, document);
        // Round trip through BSON so both sides hold the types the driver reads back.
        return new DocumentCodec()
                .decode(
                        new org.bson.RawBsonDocument(document, new DocumentCodec()).asBsonReader(),
                        DecoderContext.builder().build());
    }

    private static ItemDocument fullItem(String sku) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("depth.cm", 4.5);
        nested.put("note", null);
        List<Object> sizes = new ArrayList<>(List.of("S", "M", 42, 43L, true));
        sizes.add(Map.of("fit", "slim"));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("fabric", "Cotton");
        attributes.put("pockets", 2);
        attributes.put("threadCount", 3_000_000_000L);
        attributes.put("washable", true);
        attributes.put("Dimensions (cm.)", "30 x 20");
        attributes.put("sizes", sizes);
        attributes.put("box", nested);
        attributes.put("gsm", new BigDecimal("180.50"));
        attributes.put("absent", null);
        ItemContent content = new ItemContent(
                "Kurta " + sku,
                "Bazaar Basics",
                List.of("Clothing", "Kurtas"),
                Money.inr(49900),
                Money.inr(79900),
                List.of("https://img.example/1.jpg"),
                "A cotton kurta",
                attributes,
                SizeClass.SMALL,
                true);
        // Mongo keeps milliseconds, whichever way an item is written.
        Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
        ItemChange change = new ItemChange("3f1c6a9e-0d55-4a44-9d3c-8f1a2b3c4d5e", Change.CREATED, at);
        return ItemDocument.created(ItemIds.of("supplier-bson", sku), "supplier-bson", sku, 3, content, change);
    }
}
