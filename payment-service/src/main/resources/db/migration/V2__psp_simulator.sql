-- The PSP simulator's own tables (psp/simulator): the outside party's records, which payment-service's code
-- never reads; they share this database only because the simulator runs inside the service. A deployment
-- with a real PSP leaves them empty.

-- One hosted session per merchant reference (our payment id, sent as the Idempotency-Key): a retried
-- create answers the same session.
CREATE TABLE psp_sim_session (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    merchant_reference VARCHAR(64)   NOT NULL,
    amount_minor       BIGINT        NOT NULL,
    currency           CHAR(3)       NOT NULL,
    return_url         VARCHAR(1024) NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    transaction_id     VARCHAR(64)   NULL,
    created_at         TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    completed_at       TIMESTAMP(6)  NULL,
    UNIQUE KEY psp_sim_session_reference (merchant_reference),
    UNIQUE KEY psp_sim_session_transaction (transaction_id)
) ENGINE = InnoDB;

-- Every webhook event the simulator made, with its own id, and how many times it was delivered (2xx).
CREATE TABLE psp_sim_event (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    session_id VARCHAR(64)  NOT NULL,
    type       VARCHAR(32)  NOT NULL,
    payload    TEXT         NOT NULL,
    deliveries INT          NOT NULL DEFAULT 0,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY psp_sim_event_session (session_id)
) ENGINE = InnoDB;

-- One full refund per transaction: a repeat answers the same refund.
CREATE TABLE psp_sim_refund (
    transaction_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    refund_id      VARCHAR(64)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY psp_sim_refund_id (refund_id)
) ENGINE = InnoDB;
