package dev.bazaar.serviceability.tat;

import java.util.Set;

/**
 * The outcome of a (re)computation: the new matrix, the pincode rows whose bytes changed (to write),
 * the pincodes that left the network (to delete), and how much work it took.
 */
public record TatUpdate(
        TatMatrix matrix,
        Set<String> changedRows,
        Set<String> removedRows,
        Set<String> warehousesRecomputed,
        int pincodesRecomputed) {

    public int entriesComputed() {
        return pincodesRecomputed * matrix.network().slotCount() * TatEntry.SIZES;
    }
}
