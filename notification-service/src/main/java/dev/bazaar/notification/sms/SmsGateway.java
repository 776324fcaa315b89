package dev.bazaar.notification.sms;

/**
 * What this service needs from an SMS provider (a gateway we do not own). {@link HttpSmsGateway} implements it
 * over HTTP against the simulator's API, shaped as a real provider's is, and a real provider's adapter would
 * implement it the same way.
 */
public interface SmsGateway {

    /**
     * Hands one message to the provider.
     *
     * @param to the number in E.164 ({@code +919876543210})
     * @param clientReference our idempotency key: the provider answers a repeat with the message it accepted
     *     first and sends nothing twice (a retry after a lost answer, or after a crash before we recorded it)
     * @return the provider's message id
     * @throws Rejected the provider refused the message for good (an invalid number): retrying cannot help
     * @throws Unavailable no answer in time, or a temporary failure: try again later
     */
    String send(String to, String text, String clientReference);

    /** The provider refused the message for good. */
    final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    /** The provider could not take the message now. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
