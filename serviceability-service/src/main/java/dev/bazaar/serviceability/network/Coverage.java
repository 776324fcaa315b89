package dev.bazaar.serviceability.network;

import dev.bazaar.contracts.SizeClass;

/** Last mile: {@code hub} delivers to {@code pincode} through {@code courier} in {@code transitHours}, up to {@code maxSize}. */
public record Coverage(String hub, String pincode, String courier, int transitHours, SizeClass maxSize) {

    public CoverageKey key() {
        return new CoverageKey(hub, pincode);
    }

    public boolean carries(SizeClass size) {
        return size.fitsWithin(maxSize);
    }

    public record CoverageKey(String hub, String pincode) {}
}
