package dev.bazaar.serviceability.network;

/**
 * An Indian postal code with where it is; the state is as supplied (the source data has wrong ones).
 * What a well-formed code is says {@link dev.bazaar.contracts.Pincodes}.
 */
public record Pincode(String code, String state, double latitude, double longitude) {}
