package dev.bazaar.testing.smoke;

import dev.bazaar.testing.smoke.CassandraSmokeIntegrationTests.ArchivedOrder;
import java.util.List;
import org.springframework.data.cassandra.repository.CassandraRepository;

interface ArchivedOrders extends CassandraRepository<ArchivedOrder, String> {

    List<ArchivedOrder> findByUserId(String userId);
}
