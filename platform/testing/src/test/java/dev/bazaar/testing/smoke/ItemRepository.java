package dev.bazaar.testing.smoke;

import dev.bazaar.testing.smoke.MongoSmokeIntegrationTests.Item;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ItemRepository extends MongoRepository<Item, String> {

    List<Item> findByIdIn(List<String> ids);
}
