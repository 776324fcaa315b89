package dev.bazaar.searchconsumer.indexing;

/** Minimal checks that make an event usable; anything failing them is poison. */
final class EventChecks {

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private EventChecks() {}
}
