package dev.bazaar.serviceability.network;

import java.time.LocalTime;

/**
 * A fulfilment centre. Orders placed after {@code cutoff} (IST) are handled from the next day;
 * {@code slot} is the warehouse's fixed column in the precomputed matrix, so adding a warehouse
 * never shifts the others.
 */
public record Warehouse(String id, String name, String pincode, int handlingHours, LocalTime cutoff, int slot) {

    public Warehouse withSlot(int newSlot) {
        return new Warehouse(id, name, pincode, handlingHours, cutoff, newSlot);
    }
}
