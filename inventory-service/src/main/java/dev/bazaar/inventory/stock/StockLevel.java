package dev.bazaar.inventory.stock;

/** One item's stock in one warehouse; {@code available} is what a reservation can still block. */
record StockLevel(String warehouseId, long onHand, long reserved, long sold) {

    public long available() {
        return onHand - reserved;
    }
}
