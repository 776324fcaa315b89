package dev.bazaar.user.account;

import java.util.List;

/** A user row. {@code version} counts every change to the user and its addresses. */
public record UserAccount(
        String id, String email, String passwordHash, String name, String phone, List<Role> roles, long version) {}
