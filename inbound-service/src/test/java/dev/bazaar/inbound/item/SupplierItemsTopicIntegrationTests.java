package dev.bazaar.inbound.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Topics;
import dev.bazaar.starter.kafka.TopicNames;
import dev.bazaar.testing.IsolatedNames;
import dev.bazaar.testing.LocalServer;
import dev.bazaar.testing.UsesLocalServers;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

/** supplier.items.v1 is declared by its producer with enough partitions for several item-service consumers. */
@SpringBootTest
@UsesLocalServers({ LocalServer.KAFKA, LocalServer.MARIADB })
class SupplierItemsTopicIntegrationTests {

    @Autowired
    IsolatedNames names;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void theTopicExistsWithTheConfiguredPartitionsOnStart() throws Exception {
        assertThat(partitions(names.topic(Topics.SUPPLIER_ITEMS))).isEqualTo(4);
    }

    @Test
    void aTopicAutoCreatedWithOnePartitionGetsTheMissingOnes() throws Exception {
        String topic = names.topic("widened." + Topics.SUPPLIER_ITEMS);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        kafkaAdmin.createOrModifyTopics(new SupplierItemsTopic().supplierItemsTopicDeclaration(
                new TopicNames(names.topicPrefix() + "widened."), 4));
        assertThat(partitions(topic)).isEqualTo(4);
    }

    private int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
