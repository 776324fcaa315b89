package dev.bazaar.serviceability.demo;

import dev.bazaar.serviceability.itemlocation.ItemLocationStore;
import dev.bazaar.serviceability.itemlocation.ItemLocations;
import dev.bazaar.serviceability.matrix.MatrixMaintainer;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.NetworkStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the service takes requests: seeds the demo network into an empty database (when enabled),
 * rebuilds the Redis matrix from the stored network, and reloads the item projections into memory.
 * Runs before the web server and the Kafka listeners start, so the first request finds everything.
 */
@Component
class NetworkBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(NetworkBootstrap.class);

    private final NetworkStore network;
    private final MatrixMaintainer maintainer;
    private final ItemLocationStore itemStore;
    private final ItemLocations items;
    private final TransactionTemplate transactions;
    private final boolean demo;
    private final long seed;

    NetworkBootstrap(
            NetworkStore network,
            MatrixMaintainer maintainer,
            ItemLocationStore itemStore,
            ItemLocations items,
            TransactionTemplate transactions,
            DemoProperties demo) {
        this.network = network;
        this.maintainer = maintainer;
        this.itemStore = itemStore;
        this.items = items;
        this.transactions = transactions;
        this.demo = demo.enabled();
        this.seed = demo.seed();
    }

    @Override
    public void afterSingletonsInstantiated() {
        LogisticsNetwork stored = network.load();
        if (demo && stored.warehouses().isEmpty() && stored.pincodes().isEmpty()) {
            LogisticsNetwork generated = DemoNetwork.generate(seed);
            transactions.executeWithoutResult(status -> {
                network.savePincodes(List.copyOf(generated.pincodes().values()));
                network.saveCouriers(List.copyOf(generated.couriers().values()));
                network.saveHubs(List.copyOf(generated.hubs().values()));
                network.saveWarehouses(List.copyOf(generated.warehouses().values()));
                network.saveLanes(List.copyOf(generated.lanes().values()));
                network.saveCoverage(List.copyOf(generated.coverage().values()));
            });
            log.info(
                    "Seeded the demo logistics network: {} pincodes, {} warehouses, {} hubs, {} lanes, {} coverage rows",
                    generated.pincodes().size(),
                    generated.warehouses().size(),
                    generated.hubs().size(),
                    generated.lanes().size(),
                    generated.coverage().size());
            stored = network.load();
        }
        maintainer.rebuild(stored);
        itemStore.loadInto(items);
        log.info("Item projections loaded: {} items", items.items());
    }
}
