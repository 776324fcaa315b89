package dev.bazaar.contracts.orders;

/** The order life cycle (order-service, planned): CREATED to DELIVERED, CANCELLED or RETURNED. */
public enum OrderStatus {
    CREATED,
    PAYMENT_PENDING,
    PLACED,
    PACKED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    RETURNED;

    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNED;
    }
}
