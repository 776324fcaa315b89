package dev.bazaar.order.lifecycle;

import static dev.bazaar.contracts.orders.OrderStatus.CANCELLED;
import static dev.bazaar.contracts.orders.OrderStatus.CREATED;
import static dev.bazaar.contracts.orders.OrderStatus.DELIVERED;
import static dev.bazaar.contracts.orders.OrderStatus.PACKED;
import static dev.bazaar.contracts.orders.OrderStatus.PAYMENT_PENDING;
import static dev.bazaar.contracts.orders.OrderStatus.PLACED;
import static dev.bazaar.contracts.orders.OrderStatus.RETURNED;
import static dev.bazaar.contracts.orders.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.orders.OrderStatus;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole transition table, both ways: every allowed move, and that every other one is refused. */
class OrderTransitionsTests {

    private static final Set<String> ALLOWED = Set.of(
            "CREATED>PAYMENT_PENDING",
            "CREATED>CANCELLED",
            "PAYMENT_PENDING>PLACED",
            "PAYMENT_PENDING>CANCELLED",
            "PLACED>PACKED",
            "PLACED>CANCELLED",
            "PACKED>SHIPPED",
            "PACKED>CANCELLED",
            "SHIPPED>DELIVERED",
            "DELIVERED>RETURNED");

    @Test
    void exactlyTheLifeCycleMovesAreAllowed() {
        Set<String> allowed = new HashSet<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (OrderTransitions.allowed(from, to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertThat(allowed).isEqualTo(ALLOWED);
    }

    @Test
    void cancelledAndReturnedAreFinalAndNothingMovesBackwards() {
        for (OrderStatus to : OrderStatus.values()) {
            assertThat(OrderTransitions.allowed(CANCELLED, to))
                    .as("CANCELLED>" + to)
                    .isFalse();
            assertThat(OrderTransitions.allowed(RETURNED, to))
                    .as("RETURNED>" + to)
                    .isFalse();
        }
        assertThat(OrderTransitions.allowed(PLACED, PAYMENT_PENDING)).isFalse();
        assertThat(OrderTransitions.allowed(PAYMENT_PENDING, CREATED)).isFalse();
        assertThat(OrderTransitions.allowed(CREATED, PLACED))
                .as("never placed without a payment")
                .isFalse();
        // Once on its way it can no longer be cancelled: only a delivered order is returned.
        for (OrderStatus shipped : EnumSet.of(SHIPPED, DELIVERED)) {
            assertThat(OrderTransitions.allowed(shipped, CANCELLED))
                    .as(shipped + ">CANCELLED")
                    .isFalse();
        }
        for (OrderStatus notDelivered : EnumSet.complementOf(EnumSet.of(DELIVERED))) {
            assertThat(OrderTransitions.allowed(notDelivered, RETURNED))
                    .as(notDelivered + ">RETURNED")
                    .isFalse();
        }
        // Fulfilment goes one step at a time: nothing is shipped unpacked or delivered unshipped.
        assertThat(OrderTransitions.allowed(PLACED, SHIPPED)).isFalse();
        assertThat(OrderTransitions.allowed(PLACED, DELIVERED)).isFalse();
        assertThat(OrderTransitions.allowed(PACKED, DELIVERED)).isFalse();
        assertThat(OrderTransitions.allowed(PAYMENT_PENDING, PACKED))
                .as("never packed unpaid")
                .isFalse();
        assertThat(OrderTransitions.allowed(CREATED, CREATED)).isFalse();
    }
}
