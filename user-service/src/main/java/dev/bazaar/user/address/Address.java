package dev.bazaar.user.address;

/** A delivery address; {@code isDefault} is true for exactly one address of a user who has any. */
public record Address(
        String id,
        String label,
        String recipient,
        String line1,
        String line2,
        String city,
        String state,
        String pincode,
        String phone,
        boolean isDefault) {}
