package dev.bazaar.notification.delivery;

/** How a message reaches its recipient; each has one adapter ({@code channel} package). */
public enum Channel {
    EMAIL,
    SMS,
    IN_APP
}
