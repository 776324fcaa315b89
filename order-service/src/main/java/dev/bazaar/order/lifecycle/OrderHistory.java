package dev.bazaar.order.lifecycle;

import dev.bazaar.contracts.orders.OrderStatus;
import java.time.Instant;

/** One row of an order's status history. */
public record OrderHistory(OrderStatus from, OrderStatus to, String reason, Instant changedAt) {}
