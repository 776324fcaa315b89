package dev.bazaar.inbound.importing;

/** RECEIVED (spooled, waiting) → PROCESSING → COMPLETED, or FAILED when the file could not be processed at all. */
enum ImportStatus {
    RECEIVED,
    PROCESSING,
    COMPLETED,
    FAILED
}
