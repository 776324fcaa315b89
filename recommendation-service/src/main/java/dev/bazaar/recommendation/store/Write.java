package dev.bazaar.recommendation.store;

/** What a write did, for the intake's metrics and logs. */
public enum Write {
    /** The record is newer than what was held (or nothing was): it is what is served now. */
    STORED,
    /** The same record (the same training run or the same report window) again: a replay, nothing changed. */
    REPLAYED,
    /** Older than what is held (an older training run, an earlier window): ignored. */
    STALE
}
