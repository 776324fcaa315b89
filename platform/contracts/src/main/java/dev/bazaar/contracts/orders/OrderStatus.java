package dev.bazaar.contracts.orders;

/** The order life cycle of ARCHITECTURE §6. */
public enum OrderStatus {
    CREATED, PAYMENT_PENDING, PLACED, PACKED, SHIPPED, DELIVERED, CANCELLED, RETURNED;

    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNED;
    }
}
