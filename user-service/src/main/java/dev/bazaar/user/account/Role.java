package dev.bazaar.user.account;

/** What a user may do; a token's {@code roles} claim lists them (the starter maps them to ROLE_*). */
public enum Role {
    CUSTOMER,
    SELLER,
    OPS
}
