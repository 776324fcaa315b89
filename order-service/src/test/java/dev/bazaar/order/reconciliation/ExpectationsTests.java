package dev.bazaar.order.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.Money;
import dev.bazaar.contracts.orders.OrderStatus;
import dev.bazaar.order.reconciliation.Listings.Held;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the ledger and payment-service should hold for an order, status by status. */
class ExpectationsTests {

    static OrderSnapshot order(OrderStatus status, boolean placed) {
        return new OrderSnapshot(
                "o-1",
                status,
                3,
                placed,
                Money.inr(2_000),
                Instant.EPOCH,
                true,
                List.of(new OrderSnapshot.Line("i", 2, "W")));
    }

    @Test
    void theLedgerOfALineFollowsTheOrdersStatus() {
        Held reserved = new Held(2, 0, 0, 0);
        Held sold = new Held(2, 2, 0, 0);
        Held released = new Held(2, 0, 2, 0);
        Held restocked = new Held(2, 2, 0, 2);
        assertThat(Expectations.ledger(order(OrderStatus.PAYMENT_PENDING, false), 2, Held.NOTHING))
                .isEqualTo(reserved);
        for (OrderStatus on :
                List.of(OrderStatus.PLACED, OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            assertThat(Expectations.ledger(order(on, true), 2, reserved)).isEqualTo(sold);
        }
        // Cancelled before it was paid: released, or never reserved at all (out of stock).
        assertThat(Expectations.ledger(order(OrderStatus.CANCELLED, false), 2, released))
                .isEqualTo(released);
        assertThat(Expectations.ledger(order(OrderStatus.CANCELLED, false), 2, Held.NOTHING))
                .isEqualTo(Held.NOTHING);
        assertThat(Expectations.ledger(order(OrderStatus.CANCELLED, false), 2, reserved))
                .isEqualTo(released);
        // Cancelled after it was paid, or returned: sold, then put back on hand.
        assertThat(Expectations.ledger(order(OrderStatus.CANCELLED, true), 2, sold))
                .isEqualTo(restocked);
        assertThat(Expectations.ledger(order(OrderStatus.RETURNED, true), 2, sold))
                .isEqualTo(restocked);
        // A taking under way: reserved or not yet, never sold.
        assertThat(Expectations.ledger(order(OrderStatus.CREATED, false), 2, Held.NOTHING))
                .isEqualTo(Held.NOTHING);
        assertThat(Expectations.ledger(order(OrderStatus.CREATED, false), 2, reserved))
                .isEqualTo(reserved);
        assertThat(Expectations.ledger(order(OrderStatus.CREATED, false), 2, sold))
                .isEqualTo(reserved);
    }

    @Test
    void aPlacedOrderHasItsPaymentCapturedUntilItIsCancelledOrReturned() {
        assertThat(Expectations.payment(order(OrderStatus.PLACED, true))).isEqualTo("CAPTURED");
        assertThat(Expectations.payment(order(OrderStatus.DELIVERED, true))).isEqualTo("CAPTURED");
        assertThat(Expectations.payment(order(OrderStatus.CANCELLED, true))).isEqualTo("REFUNDED");
        assertThat(Expectations.payment(order(OrderStatus.RETURNED, true))).isEqualTo("REFUNDED");
        assertThat(Expectations.payment(order(OrderStatus.PAYMENT_PENDING, false)))
                .isNull();
        // Captured after the order was cancelled: refunded by policy, which is no mismatch.
        assertThat(Expectations.payment(order(OrderStatus.CANCELLED, false))).isNull();
        assertThat(Expectations.refundedAllowed(order(OrderStatus.CANCELLED, false)))
                .isTrue();
        assertThat(Expectations.refundedAllowed(order(OrderStatus.PAYMENT_PENDING, false)))
                .isFalse();
    }
}
