package dev.bazaar.inbound.item;

import dev.bazaar.contracts.Topics;
import dev.bazaar.starter.kafka.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * inbound-service produces {@code supplier.items.v1}, so it declares it: with one partition (a
 * broker's default) item-service could apply the catalogue on one consumer thread only. Records are
 * keyed by itemId, so each item's changes stay in order on its partition. Spring's KafkaAdmin
 * creates the topic at start-up, or adds partitions to an existing one that has fewer.
 */
@Configuration(proxyBeanMethods = false)
class SupplierItemsTopic {

    @Bean
    NewTopic supplierItemsTopicDeclaration(TopicNames topics, SupplierItemsTopicProperties properties) {
        return TopicBuilder.name(topics.resolve(Topics.SUPPLIER_ITEMS))
                .partitions(properties.partitions())
                .build();
    }
}
