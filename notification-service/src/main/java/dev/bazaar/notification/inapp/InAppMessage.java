package dev.bazaar.notification.inapp;

import java.time.Instant;

/** One in-app message as its user reads it. */
record InAppMessage(long id, String orderId, String subject, String body, Instant createdAt, boolean read) {}
