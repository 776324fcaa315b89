package dev.bazaar.demo;

/** The demo could not be loaded; the message says what went wrong and where to look. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
