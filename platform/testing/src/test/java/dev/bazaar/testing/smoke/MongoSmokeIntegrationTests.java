package dev.bazaar.testing.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@DataMongoTest(properties = "spring.data.mongodb.auto-index-creation=true")
@UsesLocalServers(LocalServer.MONGO)
class MongoSmokeIntegrationTests {

    @Document("items")
    record Item(@Id String id, @Indexed(unique = true) String sku, String title, Map<String, Object> attributes) {}

    @Autowired
    ItemRepository items;

    @Autowired
    MongoTemplate mongo;

    @Test
    void nestedAttributesAreQueryableAndBulkGetByIdsWorks() {
        items.save(new Item("a", "SKU-A", "Kurta", Map.of("fabric", "cotton", "size", Map.of("eu", 38))));
        items.save(new Item("b", "SKU-B", "Saree", Map.of("fabric", "silk")));
        items.save(new Item("c", "SKU-C", "Shirt", Map.of("fabric", "cotton")));

        var cotton = mongo.find(Query.query(Criteria.where("attributes.fabric").is("cotton")), Item.class);
        var size38 = mongo.find(Query.query(Criteria.where("attributes.size.eu").is(38)), Item.class);

        assertThat(cotton).extracting(Item::id).containsExactlyInAnyOrder("a", "c");
        assertThat(size38).extracting(Item::id).containsExactly("a");
        assertThat(items.findByIdIn(List.of("c", "a", "missing")))
                .extracting(Item::id)
                .containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void uniqueIndexRejectsASecondItemWithTheSameSku() {
        items.save(new Item("d", "SKU-D", "Lamp", Map.of()));

        assertThatThrownBy(() -> items.insert(new Item("e", "SKU-D", "Another lamp", Map.of())))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(items.findById("e")).isEmpty();
    }
}
