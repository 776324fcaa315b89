package dev.bazaar.contracts;

/** How big a parcel is; logistics lanes and last-mile partners carry only up to some class. */
public enum SizeClass {
    SMALL,
    MEDIUM,
    LARGE,
    BULKY;

    public boolean fitsWithin(SizeClass largestCarried) {
        return compareTo(largestCarried) <= 0;
    }
}
