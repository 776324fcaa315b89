package dev.bazaar.serviceability.network;

/** A sorting hub: lanes connect warehouses and hubs, and hubs deliver the last mile to pincodes. */
public record Hub(String id, String name, String state, double latitude, double longitude) {}
