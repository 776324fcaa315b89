package dev.bazaar.serviceability.tat;

import dev.bazaar.contracts.SizeClass;
import dev.bazaar.serviceability.network.Lane;
import dev.bazaar.serviceability.network.LogisticsNetwork;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The lane network as compact adjacency arrays (CSR): nodes are warehouses and hubs, numbered
 * densely, each edge keeps its transit hours and the largest size class it carries. Pincodes are
 * not nodes: they are sinks, reached in one last-mile step from their hubs.
 */
final class LaneGraph {

    private final String[] ids;
    private final Map<String, Integer> indexOf;
    private final int[] firstEdge;
    private final int[] target;
    private final int[] hours;
    private final byte[] maxSize;

    public LaneGraph(LogisticsNetwork network) {
        int n = network.warehouses().size() + network.hubs().size();
        ids = new String[n];
        indexOf = new HashMap<>(n * 2);
        int i = 0;
        for (String id : network.warehouses().keySet()) {
            ids[i] = id;
            indexOf.put(id, i++);
        }
        for (String id : network.hubs().keySet()) {
            ids[i] = id;
            indexOf.put(id, i++);
        }
        Lane[] lanes = network.lanes().values().stream()
                .filter(l -> indexOf.containsKey(l.from()) && indexOf.containsKey(l.to()))
                .toArray(Lane[]::new);
        firstEdge = new int[n + 1];
        for (Lane lane : lanes) {
            firstEdge[indexOf.get(lane.from()) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            firstEdge[v + 1] += firstEdge[v];
        }
        int[] fill = Arrays.copyOf(firstEdge, n);
        target = new int[lanes.length];
        hours = new int[lanes.length];
        maxSize = new byte[lanes.length];
        for (Lane lane : lanes) {
            int e = fill[indexOf.get(lane.from())]++;
            target[e] = indexOf.get(lane.to());
            hours[e] = lane.transitHours();
            maxSize[e] = (byte) lane.maxSize().ordinal();
        }
    }

    public int size() {
        return ids.length;
    }

    public int indexOf(String id) {
        Integer index = indexOf.get(id);
        return index == null ? -1 : index;
    }

    public String id(int index) {
        return ids[index];
    }

    /**
     * Dijkstra from {@code source} over the lanes that carry {@code size}, with a binary heap of
     * (distance, node) packed in longs. Returns hours per node, {@link #UNREACHABLE} where no path.
     */
    public int[] shortestHoursFrom(int source, SizeClass size) {
        int n = ids.length;
        int[] dist = new int[n];
        Arrays.fill(dist, UNREACHABLE);
        dist[source] = 0;
        long[] heap = new long[Math.max(4, target.length + 1)];
        int heapSize = 0;
        heap[heapSize++] = source;
        int sizeOrdinal = size.ordinal();
        while (heapSize > 0) {
            long top = heap[0];
            heap[0] = heap[--heapSize];
            siftDown(heap, heapSize);
            int node = (int) top;
            int d = (int) (top >>> 32);
            if (d > dist[node]) {
                continue; // a stale heap entry: the node was settled with a shorter distance
            }
            for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                if (sizeOrdinal > maxSize[e]) {
                    continue;
                }
                int candidate = d + hours[e];
                int next = target[e];
                if (candidate < dist[next]) {
                    dist[next] = candidate;
                    if (heapSize == heap.length) {
                        heap = Arrays.copyOf(heap, heap.length * 2);
                    }
                    heap[heapSize] = ((long) candidate << 32) | next;
                    siftUp(heap, heapSize++);
                }
            }
        }
        return dist;
    }

    public static final int UNREACHABLE = Integer.MAX_VALUE;

    private static void siftUp(long[] heap, int i) {
        long value = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= value) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
    }

    private static void siftDown(long[] heap, int size) {
        if (size == 0) {
            return;
        }
        int i = 0;
        long value = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }
}
