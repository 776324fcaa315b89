package dev.bazaar.infra;

/**
 * A problem the user can fix, worded as such: the message names what is missing or in the way
 * and how to fix it, and is printed without a stack trace.
 */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
