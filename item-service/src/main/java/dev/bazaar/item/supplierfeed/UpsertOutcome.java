package dev.bazaar.item.supplierfeed;

/** What a supplier item did to the catalogue; the {@code outcome} tag of {@code bazaar.items.upserts}. */
enum UpsertOutcome {
    /** A new item. */
    CREATED,
    /** A newer version with different content (including a deactivation). */
    UPDATED,
    /** A newer version with the same content: nothing visible changes, nothing is emitted. */
    UNCHANGED,
    /** Not newer than what is stored (a late or repeated event): ignored. */
    STALE;

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
