package dev.bazaar.serviceability.matrix;

import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.Warehouse;
import dev.bazaar.serviceability.tat.TatMatrix;
import dev.bazaar.serviceability.tat.TatUpdate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Redis matrix equal to the current network. Holds the last computed {@link TatMatrix}
 * (shortest-path trees and rows, about 1 MB for the real network) so a change is computed as a
 * diff and only changed rows are written. Network changes are serialised here.
 */
public class MatrixMaintainer {

    private static final Logger log = LoggerFactory.getLogger(MatrixMaintainer.class);

    private final MatrixStore store;
    private volatile TatMatrix matrix = TatMatrix.empty();
    private volatile Warehouse[] warehousesBySlot = new Warehouse[0];
    private volatile Map<String, Warehouse> warehousesById = Map.of();
    /** Set when a Redis write failed after the network changed: the next change rewrites every row. */
    private boolean redisBehind;

    public MatrixMaintainer(MatrixStore store) {
        this.store = store;
    }

    public LogisticsNetwork network() {
        return matrix.network();
    }

    /** Slot → warehouse, for the request path (handling hours and cut-off are applied per request). */
    public Warehouse[] warehousesBySlot() {
        return warehousesBySlot;
    }

    public Map<String, Warehouse> warehousesById() {
        return warehousesById;
    }

    /** Computes everything and writes every row (startup, or after Redis lost data). */
    public synchronized MatrixReport rebuild(LogisticsNetwork network) {
        long start = System.nanoTime();
        TatUpdate update = TatMatrix.compute(network);
        long computed = System.nanoTime();
        return publish(update, update.matrix().rows(), start, computed);
    }

    /** Applies a changed network: recomputes what the change can affect, writes the rows that changed. */
    public synchronized MatrixReport apply(LogisticsNetwork next) {
        long start = System.nanoTime();
        TatUpdate update = matrix.update(next);
        long computed = System.nanoTime();
        Map<String, byte[]> toWrite;
        if (redisBehind) {
            toWrite = update.matrix().rows();
        } else {
            toWrite = new HashMap<>();
            for (String pincode : update.changedRows()) {
                toWrite.put(pincode, update.matrix().row(pincode));
            }
        }
        return publish(update, toWrite, start, computed);
    }

    private MatrixReport publish(TatUpdate update, Map<String, byte[]> rows, long start, long computed) {
        matrix = update.matrix();
        publishWarehouses(matrix.network());
        try {
            store.write(rows, update.removedRows());
            redisBehind = false;
        } catch (RuntimeException e) {
            redisBehind = true;
            throw e;
        }
        long written = System.nanoTime();
        MatrixReport report =
                MatrixReport.of(update, rows.size(), (computed - start) / 1_000_000, (written - computed) / 1_000_000);
        log.info("TAT matrix updated: {}", report);
        return report;
    }

    /** Retries a failed Redis write (called on a schedule); a no-op when Redis is in sync. */
    public synchronized void resyncIfBehind() {
        if (redisBehind) {
            store.write(matrix.rows(), Set.of());
            redisBehind = false;
            log.info("TAT matrix rewritten to Redis after an earlier failure");
        }
    }

    private void publishWarehouses(LogisticsNetwork network) {
        Warehouse[] bySlot = new Warehouse[network.slotCount()];
        network.warehouses().values().forEach(w -> bySlot[w.slot()] = w);
        warehousesById = Map.copyOf(network.warehouses());
        warehousesBySlot = bySlot;
    }
}
