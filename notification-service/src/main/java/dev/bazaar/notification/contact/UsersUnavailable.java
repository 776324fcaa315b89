package dev.bazaar.notification.contact;

/** user-service did not answer a contact read (refused, timed out, 5xx): the delivery is tried again later. */
public class UsersUnavailable extends RuntimeException {

    UsersUnavailable(String message) {
        super(message);
    }
}
