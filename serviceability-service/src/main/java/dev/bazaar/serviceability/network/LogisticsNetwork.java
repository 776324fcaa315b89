package dev.bazaar.serviceability.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the whole logistics network. Changes produce a new snapshot, and the
 * matrix maintainer diffs the old one against the new one to recompute only what changed.
 */
public final class LogisticsNetwork {

    private final Map<String, Pincode> pincodes;
    private final Map<String, Warehouse> warehouses;
    private final Map<String, Hub> hubs;
    private final Map<String, Courier> couriers;
    private final Map<Lane.LaneKey, Lane> lanes;
    private final Map<Coverage.CoverageKey, Coverage> coverage;
    private final Map<String, List<Coverage>> coverageByPincode;

    public LogisticsNetwork(
            Collection<Pincode> pincodes,
            Collection<Warehouse> warehouses,
            Collection<Hub> hubs,
            Collection<Courier> couriers,
            Collection<Lane> lanes,
            Collection<Coverage> coverage) {
        this.pincodes = index(pincodes, Pincode::code);
        this.warehouses = index(warehouses, Warehouse::id);
        this.hubs = index(hubs, Hub::id);
        this.couriers = index(couriers, Courier::code);
        this.lanes = index(lanes, Lane::key);
        this.coverage = index(coverage, Coverage::key);
        this.coverageByPincode = this.coverage.values().stream().collect(Collectors.groupingBy(Coverage::pincode));
    }

    public static LogisticsNetwork empty() {
        return new LogisticsNetwork(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return map;
    }

    public Map<String, Pincode> pincodes() {
        return pincodes;
    }

    public Map<String, Warehouse> warehouses() {
        return warehouses;
    }

    public Map<String, Hub> hubs() {
        return hubs;
    }

    public Map<String, Courier> couriers() {
        return couriers;
    }

    public Map<Lane.LaneKey, Lane> lanes() {
        return lanes;
    }

    public Map<Coverage.CoverageKey, Coverage> coverage() {
        return coverage;
    }

    public List<Coverage> coverageOf(String pincode) {
        return coverageByPincode.getOrDefault(pincode, List.of());
    }

    /** Warehouses and hubs share one id space: they are the nodes lanes connect. */
    public boolean isNode(String id) {
        return warehouses.containsKey(id) || hubs.containsKey(id);
    }

    /** One more than the highest warehouse slot: the number of warehouse columns in the matrix. */
    public int slotCount() {
        return warehouses.values().stream().mapToInt(Warehouse::slot).max().orElse(-1) + 1;
    }

    /** A copy with some parts replaced or extended (upsert by key), as an OPS load does. */
    public LogisticsNetwork merge(
            Collection<Pincode> morePincodes,
            Collection<Warehouse> moreWarehouses,
            Collection<Hub> moreHubs,
            Collection<Courier> moreCouriers,
            Collection<Lane> moreLanes,
            Collection<Coverage> moreCoverage) {
        return new LogisticsNetwork(
                union(pincodes, morePincodes, Pincode::code),
                union(warehouses, moreWarehouses, Warehouse::id),
                union(hubs, moreHubs, Hub::id),
                union(couriers, moreCouriers, Courier::code),
                union(lanes, moreLanes, Lane::key),
                union(coverage, moreCoverage, Coverage::key));
    }

    public LogisticsNetwork withoutLane(Lane.LaneKey key) {
        Map<Lane.LaneKey, Lane> remaining = new HashMap<>(lanes);
        remaining.remove(key);
        return new LogisticsNetwork(
                pincodes.values(),
                warehouses.values(),
                hubs.values(),
                couriers.values(),
                remaining.values(),
                coverage.values());
    }

    private static <K, V> Collection<V> union(Map<K, V> current, Collection<V> more, Function<V, K> key) {
        Map<K, V> merged = new LinkedHashMap<>(current);
        more.forEach(v -> merged.put(key.apply(v), v));
        return new ArrayList<>(merged.values());
    }
}
