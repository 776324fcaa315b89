package dev.bazaar.searchconsumer.indexing;

/**
 * Elasticsearch could not take the batch now (unreachable, overloaded, or write races that did not
 * settle): nothing is wrong with the records, so the batch is retried with back-off for as long as
 * it takes, never dropped and never dead-lettered (see {@link OutageBackOffConfiguration}).
 */
class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
