package dev.bazaar.serviceability.tat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Coverage;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import dev.bazaar.serviceability.network.Warehouse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The turn-around-time matrix of one network snapshot: the shortest-path tree of every warehouse
 * and size class over the lanes (hours to every hub), and from those the packed row of every
 * pincode. {@link #update} derives the matrix of a changed network from this one, recomputing only
 * the trees a change can affect and only the pincodes whose hubs or coverage changed.
 */
public final class TatMatrix {

    private static final SizeClass[] SIZES = SizeClass.values();

    private final LogisticsNetwork network;
    private final LaneGraph graph;
    /** Hours to every graph node, per tree {@code slot * 4 + size}; null for unused slots. */
    private final int[][] trees;

    private final Map<String, byte[]> rows;

    private TatMatrix(LogisticsNetwork network, LaneGraph graph, int[][] trees, Map<String, byte[]> rows) {
        this.network = network;
        this.graph = graph;
        this.trees = trees;
        this.rows = rows;
    }

    public static TatMatrix empty() {
        LogisticsNetwork none = LogisticsNetwork.empty();
        return new TatMatrix(none, new LaneGraph(none), new int[0][], Map.of());
    }

    /** The whole matrix from scratch. */
    public static TatUpdate compute(LogisticsNetwork network) {
        return empty().update(network);
    }

    public LogisticsNetwork network() {
        return network;
    }

    public byte[] row(String pincode) {
        return rows.get(pincode);
    }

    public Map<String, byte[]> rows() {
        return rows;
    }

    /** Transit hours from a warehouse to a pincode for a size class, {@link TatEntry#UNREACHABLE} if none. */
    public int hours(String warehouseId, String pincode, SizeClass size) {
        Warehouse warehouse = network.warehouses().get(warehouseId);
        byte[] row = rows.get(pincode);
        return warehouse == null || row == null ? TatEntry.UNREACHABLE : TatEntry.hours(row, warehouse.slot(), size);
    }

    public TatUpdate update(LogisticsNetwork next) {
        LaneGraph nextGraph = new LaneGraph(next);
        int slots = next.slotCount();
        boolean widened = slots != network.slotCount();
        int[][] nextTrees = new int[slots * SIZES.length][];
        Set<Integer> staleTrees = staleTrees(next, nextGraph);
        Set<String> warehousesRecomputed = new HashSet<>();
        Set<String> movedHubs = new HashSet<>();
        for (Warehouse warehouse : next.warehouses().values()) {
            int source = nextGraph.indexOf(warehouse.id());
            for (SizeClass size : SIZES) {
                int tree = warehouse.slot() * SIZES.length + size.ordinal();
                if (staleTrees.contains(tree)) {
                    nextTrees[tree] = nextGraph.shortestHoursFrom(source, size);
                    warehousesRecomputed.add(warehouse.id());
                    collectMovedNodes(tree, nextTrees[tree], nextGraph, movedHubs);
                } else {
                    nextTrees[tree] = remap(trees[tree], nextGraph);
                }
            }
        }
        Set<String> dirtyPincodes = dirtyPincodes(next, movedHubs, widened);
        Map<String, byte[]> nextRows = new HashMap<>(rows);
        Set<String> changed = new LinkedHashSet<>();
        for (String pincode : dirtyPincodes) {
            byte[] row = computeRow(next, nextGraph, nextTrees, slots, pincode);
            byte[] previous = nextRows.put(pincode, row);
            if (!Arrays.equals(previous, row)) {
                changed.add(pincode);
            }
        }
        Set<String> removed = new HashSet<>(rows.keySet());
        removed.removeAll(next.pincodes().keySet());
        removed.forEach(nextRows::remove);
        TatMatrix matrix = new TatMatrix(next, nextGraph, nextTrees, nextRows);
        return new TatUpdate(matrix, changed, removed, warehousesRecomputed, dirtyPincodes.size());
    }

    /**
     * Trees a change can alter: every tree of a new or re-slotted warehouse; for a lane that was added
     * or got faster or wider, the trees it would shorten (dist(from) + hours < dist(to)); for a lane
     * that was removed or got slower or narrower, the trees where it may lie on a shortest path
     * (dist(from) + hours == dist(to)). Every other tree is provably unchanged.
     */
    private Set<Integer> staleTrees(LogisticsNetwork next, LaneGraph nextGraph) {
        Set<Integer> stale = new HashSet<>();
        for (Warehouse warehouse : next.warehouses().values()) {
            Warehouse before = network.warehouses().get(warehouse.id());
            int base = warehouse.slot() * SIZES.length;
            if (before == null || before.slot() != warehouse.slot() || base >= trees.length || trees[base] == null) {
                for (SizeClass size : SIZES) {
                    stale.add(base + size.ordinal());
                }
            }
        }
        Set<Lane.LaneKey> keys = new HashSet<>(network.lanes().keySet());
        keys.addAll(next.lanes().keySet());
        for (Lane.LaneKey key : keys) {
            Lane before = network.lanes().get(key);
            Lane after = next.lanes().get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            for (Warehouse warehouse : next.warehouses().values()) {
                for (SizeClass size : SIZES) {
                    int tree = warehouse.slot() * SIZES.length + size.ordinal();
                    if (!stale.contains(tree) && laneMatters(tree, key, before, after, size)) {
                        stale.add(tree);
                    }
                }
            }
        }
        return stale;
    }

    private boolean laneMatters(int tree, Lane.LaneKey key, Lane before, Lane after, SizeClass size) {
        int[] dist = tree < trees.length ? trees[tree] : null;
        if (dist == null) {
            return true;
        }
        int from = hoursTo(dist, key.from());
        if (from == LaneGraph.UNREACHABLE) {
            return false; // the warehouse never reached the lane's start, and a lane change cannot alter that
        }
        int to = hoursTo(dist, key.to());
        boolean shortens = after != null && after.carries(size) && (long) from + after.transitHours() < to;
        boolean wasTight = before != null && before.carries(size) && (long) from + before.transitHours() == to;
        return shortens || wasTight;
    }

    private int hoursTo(int[] dist, String nodeId) {
        int index = graph.indexOf(nodeId);
        return index < 0 ? LaneGraph.UNREACHABLE : dist[index];
    }

    /** Carries an unchanged tree over to the new graph's node numbering. */
    private int[] remap(int[] dist, LaneGraph nextGraph) {
        int[] mapped = new int[nextGraph.size()];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = hoursTo(dist, nextGraph.id(i));
        }
        return mapped;
    }

    private void collectMovedNodes(int tree, int[] fresh, LaneGraph nextGraph, Set<String> moved) {
        int[] old = tree < trees.length ? trees[tree] : null;
        for (int i = 0; i < fresh.length; i++) {
            String id = nextGraph.id(i);
            if (old == null || hoursTo(old, id) != fresh[i]) {
                moved.add(id);
            }
        }
    }

    /** Pincodes whose row may differ: new ones, those with changed coverage, those served by a moved hub. */
    private Set<String> dirtyPincodes(LogisticsNetwork next, Set<String> movedHubs, boolean widened) {
        if (widened) {
            return new LinkedHashSet<>(next.pincodes().keySet()); // every row gains a column
        }
        Set<String> dirty = new LinkedHashSet<>();
        for (String pincode : next.pincodes().keySet()) {
            if (!rows.containsKey(pincode)) {
                dirty.add(pincode);
            }
        }
        Set<Coverage.CoverageKey> keys = new HashSet<>(network.coverage().keySet());
        keys.addAll(next.coverage().keySet());
        for (Coverage.CoverageKey key : keys) {
            Coverage before = network.coverage().get(key);
            Coverage after = next.coverage().get(key);
            boolean changed = !Objects.equals(before, after);
            if ((changed || movedHubs.contains(key.hub())) && next.pincodes().containsKey(key.pincode())) {
                dirty.add(key.pincode());
            }
        }
        return dirty;
    }

    private static byte[] computeRow(
            LogisticsNetwork next, LaneGraph nextGraph, int[][] nextTrees, int slots, String pincode) {
        byte[] row = TatEntry.allocate(slots);
        for (Warehouse warehouse : next.warehouses().values()) {
            for (SizeClass size : SIZES) {
                int[] dist = nextTrees[warehouse.slot() * SIZES.length + size.ordinal()];
                int best = LaneGraph.UNREACHABLE;
                for (Coverage last : next.coverageOf(pincode)) {
                    int hub = nextGraph.indexOf(last.hub());
                    if (hub >= 0 && last.carries(size) && dist[hub] != LaneGraph.UNREACHABLE) {
                        best = Math.min(best, dist[hub] + last.transitHours());
                    }
                }
                TatEntry.put(row, warehouse.slot(), size.ordinal(), best);
            }
        }
        return row;
    }
}
