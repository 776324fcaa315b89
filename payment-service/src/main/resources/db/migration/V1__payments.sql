-- One payment per order, ever (payment_order). Its status moves once from PENDING to one terminal state
-- (CAPTURED, DECLINED or FAILED), and CAPTURED may later move to REFUNDED: every change is a compare-and-set
-- UPDATE ... WHERE id = ? AND status = <expected>, in the transaction of its outbox event.
CREATE TABLE payment (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    order_id           VARCHAR(64)  NOT NULL,
    user_id            VARCHAR(64)  NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    method             VARCHAR(16)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    -- The PSP's hosted session (null until it answered) and where the shopper's browser is sent.
    psp_reference      VARCHAR(64)  NULL,
    redirect_url       VARCHAR(1024) NULL,
    -- The PSP's transaction id once captured: unique, so one PSP charge can never settle two payments.
    psp_transaction_id VARCHAR(64)  NULL,
    refund_id          VARCHAR(64)  NULL,
    failure_reason     VARCHAR(255) NULL,
    created_at         TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at         TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY payment_order (order_id),
    UNIQUE KEY payment_psp_reference (psp_reference),
    UNIQUE KEY payment_psp_transaction (psp_transaction_id),
    CONSTRAINT payment_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT payment_status_known CHECK (status IN ('PENDING', 'CAPTURED', 'DECLINED', 'FAILED', 'REFUNDED'))
) ENGINE = InnoDB;

-- Every PSP webhook event applied, by the PSP's own event id: a redelivery finds its row and changes nothing.
-- Written in the transaction of the change the event made (a refused event leaves no row).
CREATE TABLE psp_webhook_event (
    event_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    type        VARCHAR(32)  NOT NULL,
    payment_id  CHAR(36)     NOT NULL,
    received_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY psp_webhook_event_payment (payment_id)
) ENGINE = InnoDB;
