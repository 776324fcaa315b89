-- Issue 22, the order lifecycle (processing/). A move's note: the words of whoever made it (why a seller or
-- OPS cancelled, what a shopper returns), beside its reason, which stays a fixed slug (cancelled-by-seller).
ALTER TABLE order_status_history ADD COLUMN note VARCHAR(500) NULL;

-- What a paid order cancelled or returned is still owed: its stock back on hand (inventory-service's
-- restock) and its payment refunded (payment-service). The row is written in the transaction of the move to
-- CANCELLED or RETURNED, so the debt exists exactly when the move does; the calls are made after that commit,
-- each stamped here once it answered, and the sweeper (processing/CompensationSweeper) retries what is still
-- null, with backoff, until done: both calls are idempotent per order, so a repeat is harmless. No foreign
-- key: archival may move the order to Cassandra while something is still owed; the calls need only its id.
CREATE TABLE order_compensation (
    order_id        CHAR(36)     NOT NULL PRIMARY KEY,
    -- what the order became: CANCELLED or RETURNED
    outcome         VARCHAR(16)  NOT NULL,
    restocked_at    TIMESTAMP(6) NULL,
    refunded_at     TIMESTAMP(6) NULL,
    -- both done: the sweeper no longer looks at the row
    settled_at      TIMESTAMP(6) NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(500) NULL,
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY order_compensation_due (settled_at, next_attempt_at)
) ENGINE = InnoDB;
