package dev.bazaar.inbound.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.starter.kafka.TopicNames;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

/** supplier.items.v1 is declared by its producer with enough partitions for several item-service consumers. */
@SpringBootTest
@UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
class SupplierItemsTopicIntegrationTests {

    @Autowired
    IsolatedNames names;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theTopicExistsWithTheConfiguredPartitionsOnStart() {
        assertThat(partitions(names.topic(Topics.SUPPLIER_ITEMS))).isEqualTo(4);
    }

    @Test
    void aTopicAutoCreatedWithOnePartitionGetsTheMissingOnes() {
        String topic = names.topic("widened." + Topics.SUPPLIER_ITEMS);
        kafkaAdmin.createOrModifyTopics(new NewTopic(topic, 1, (short) 1));
        assertThat(partitions(topic)).isEqualTo(1);
        kafkaAdmin.createOrModifyTopics(new SupplierItemsTopic()
                .supplierItemsTopicDeclaration(
                        new TopicNames(names.topicPrefix() + "widened."), new SupplierItemsTopicProperties(4)));
        assertThat(partitions(topic)).isEqualTo(4);
    }

    private int partitions(String topic) {
        return kafkaAdmin.describeTopics(topic).get(topic).partitions().size();
    }
}
