package dev.bazaar.notification.contact;

/** Whom to tell and where, as user-service answers it; {@code phone} is null when the user gave none. */
public record Contact(String userId, String email, String name, String phone) {}
