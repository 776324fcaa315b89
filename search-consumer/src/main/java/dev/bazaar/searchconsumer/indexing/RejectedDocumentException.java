package dev.bazaar.searchconsumer.indexing;

/** Elasticsearch refused a document as malformed: retrying cannot help, the record is poison. */
class RejectedDocumentException extends RuntimeException {

    public RejectedDocumentException(String message) {
        super(message);
    }
}
