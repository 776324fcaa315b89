package dev.bazaar.notification.channel;

import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.delivery.Channel;

/**
 * One way of reaching people (EMAIL over SMTP, SMS through a provider, IN_APP in this service's database);
 * the dispatcher knows nothing else about them. A send may be repeated for the same delivery (a crash between
 * sending and recording it): each adapter makes a repeat as harmless as its medium allows.
 */
public interface ChannelAdapter {

    Channel channel();

    /** Whether {@code contact} can be reached on this channel at all (an email address, a phone number). */
    boolean reaches(Contact contact);

    /**
     * Sends {@code outgoing} to its recipients.
     *
     * @return the provider's reference (a Message-ID, message ids, in-app ids), stored with the delivery
     * @throws SendFailure when it could not
     */
    String send(Outgoing outgoing);
}
