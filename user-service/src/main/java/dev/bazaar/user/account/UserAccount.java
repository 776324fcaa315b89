package dev.bazaar.user.account;

import java.util.List;

/**
 * A user row. {@code version} counts every change to the user and its addresses. {@code supplierId} links a
 * SELLER to the supplier whose items they sell (null for everyone else, and for a seller OPS has not linked).
 */
public record UserAccount(
        String id,
        String email,
        String passwordHash,
        String name,
        String phone,
        List<Role> roles,
        long version,
        String supplierId) {}
