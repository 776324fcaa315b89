package dev.bazaar.serviceability.network;

/** A courier partner running lanes or last-mile deliveries. */
public record Courier(String code, String name) {}
