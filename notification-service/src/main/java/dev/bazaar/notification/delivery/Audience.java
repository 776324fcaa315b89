package dev.bazaar.notification.delivery;

/**
 * Whom a delivery is for: the order's CUSTOMER (the recipient is their user id) or a SELLER (the recipient
 * is a supplier id: every seller account user-service links to it).
 */
public enum Audience {
    CUSTOMER,
    SELLER
}
