package dev.bazaar.notification.channel;

import dev.bazaar.notification.contact.Contact;
import dev.bazaar.notification.template.Rendered;
import java.util.List;

/**
 * One delivery's message, ready for its channel: rendered, and the recipients who want it on that channel and
 * have an address on it (one for a customer; every seller account of a supplier for a seller).
 *
 * @param deliveryId the delivery's id: each provider's idempotency key and the mail's Message-ID derive from it
 */
public record Outgoing(String deliveryId, String orderId, List<Contact> recipients, Rendered message) {}
