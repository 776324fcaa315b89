package dev.bazaar.notification.channel;

/**
 * A channel could not send: {@code permanent} when trying again cannot help (an address refused for good), so
 * the delivery is a dead letter at once; otherwise it is tried again after its backoff.
 */
public class SendFailure extends RuntimeException {

    private final boolean permanent;

    SendFailure(boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
