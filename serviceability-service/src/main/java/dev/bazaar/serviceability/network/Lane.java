package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.SizeClass;

/** A scheduled line-haul from one node (warehouse or hub) to another, carrying parcels up to {@code maxSize}. */
public record Lane(String from, String to, String courier, int transitHours, SizeClass maxSize) {

    public LaneKey key() {
        return new LaneKey(from, to, courier);
    }

    public boolean carries(SizeClass size) {
        return size.fitsWithin(maxSize);
    }

    public record LaneKey(String from, String to, String courier) {}
}
