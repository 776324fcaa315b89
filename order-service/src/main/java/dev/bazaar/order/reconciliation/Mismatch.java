package dev.bazaar.order.reconciliation;

/**
 * One disagreement a run found, as stored and listed: what kind, whom it is about (the ids that apply, the rest
 * null), what was expected and what was found. Reported, never corrected.
 */
record Mismatch(
        Kind kind,
        String orderId,
        String itemId,
        String warehouseId,
        String paymentId,
        String expected,
        String actual,
        String detail) {

    enum Kind {
        /** A stock row's stored on hand, reserved or sold differs from what its ledger rows give. */
        STOCK_LEDGER,
        /** A stock row breaks received + adjusted = on hand + sold (reserved is part of on hand). */
        STOCK_IDENTITY,
        /** What the ledger holds for an order's line is not what the order's status says it should. */
        ORDER_LEDGER,
        /** The ledger holds stock for an order reference that is neither live nor archived. */
        LEDGER_WITHOUT_ORDER,
        /** An order that reached PLACED has no captured payment (or more than one). */
        PLACED_WITHOUT_PAYMENT,
        /** A captured payment's status does not fit its order (captured where it should be refunded, say). */
        PAYMENT_STATUS,
        /** A captured payment's amount is not its order's total. */
        PAYMENT_AMOUNT,
        /** A captured payment whose order is neither live nor archived. */
        PAYMENT_WITHOUT_ORDER
    }
}
