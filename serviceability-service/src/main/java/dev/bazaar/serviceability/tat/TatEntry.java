package dev.bazaar.serviceability.tat;

import dev.bazaar.contracts.SizeClass;

/**
 * The packed matrix row of one pincode: for every warehouse slot and size class, the transit hours
 * from that warehouse to the pincode as an unsigned 16-bit big-endian number, {@code 0xFFFF} when
 * unreachable. 20 warehouses x 4 size classes = 160 bytes per pincode; one Redis GET per batch.
 */
public final class TatEntry {

    public static final int UNREACHABLE = 0xFFFF;
    static final int MAX_HOURS = 0xFFFE;
    static final int SIZES = SizeClass.values().length;

    public static byte[] allocate(int slots) {
        byte[] entry = new byte[slots * SIZES * 2];
        java.util.Arrays.fill(entry, (byte) 0xFF);
        return entry;
    }

    public static int hours(byte[] entry, int slot, SizeClass size) {
        int i = (slot * SIZES + size.ordinal()) * 2;
        if (slot < 0 || i + 1 >= entry.length) {
            return UNREACHABLE; // a warehouse added after this row was written reaches nothing yet
        }
        return ((entry[i] & 0xFF) << 8) | (entry[i + 1] & 0xFF);
    }

    static void put(byte[] entry, int slot, int sizeOrdinal, int hours) {
        int value = hours >= MAX_HOURS ? (hours == LaneGraph.UNREACHABLE ? UNREACHABLE : MAX_HOURS) : hours;
        int i = (slot * SIZES + sizeOrdinal) * 2;
        entry[i] = (byte) (value >>> 8);
        entry[i + 1] = (byte) value;
    }

    private TatEntry() {}
}
