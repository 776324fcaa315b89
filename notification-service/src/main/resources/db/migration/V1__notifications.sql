-- What happened, once per event id: the order and payment events this service tells people about, as
-- received (the event's JSON), so a delivery sent or replayed later renders from the event itself.
-- user_id is null for a refund of an order no order event has named yet (the topics are consumed
-- apart); the first order event of that order fills it in and plans the refund's deliveries.
CREATE TABLE notice (
    event_id    CHAR(36)     NOT NULL PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NULL,
    payload     MEDIUMTEXT   NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    received_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY notice_of_order (order_id),
    KEY notice_waiting (user_id)
) ENGINE = InnoDB;

-- The shopper of each order seen on orders.events.v1: whom a PaymentRefunded (which names the order only)
-- is for.
CREATE TABLE known_order (
    order_id CHAR(36)    NOT NULL PRIMARY KEY,
    user_id  VARCHAR(64) NOT NULL
) ENGINE = InnoDB;

-- One row per (event, channel, recipient), inserted with INSERT IGNORE in the consumer's transaction: a
-- redelivered event inserts nothing. The id is derived from that triple (name-based UUID), so it is the same
-- whoever plans it, and each mail's Message-ID is derived from it. recipient is a user id (audience CUSTOMER)
-- or a supplier id (audience SELLER: every seller account linked to it). status moves only by
-- compare-and-set: PENDING -> SENT | SKIPPED | DEAD, DEAD -> PENDING (an OPS replay). A claim counts the
-- attempt and pushes next_attempt_at past the lease, so a dispatcher that dies mid-send leaves the row due
-- again later (at-least-once per row).
CREATE TABLE delivery (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    event_id        CHAR(36)      NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    audience        VARCHAR(8)    NOT NULL,
    recipient       VARCHAR(64)   NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    replays         INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_error      VARCHAR(1000) NULL,
    provider_ref    VARCHAR(1000) NULL,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY delivery_once (event_id, channel, recipient),
    KEY delivery_due (status, next_attempt_at)
) ENGINE = InnoDB;

-- IN_APP messages, one per (delivery, user): a seller delivery reaches every seller account of the supplier.
CREATE TABLE in_app_message (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id CHAR(36)      NOT NULL,
    user_id     VARCHAR(64)   NOT NULL,
    order_id    VARCHAR(64)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    read_at     TIMESTAMP(6)  NULL,
    UNIQUE KEY in_app_once (delivery_id, user_id),
    KEY inbox (user_id, id)
) ENGINE = InnoDB;

-- Per-channel opt-outs; no row means every channel on.
CREATE TABLE preference (
    user_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email      BOOLEAN      NOT NULL,
    sms        BOOLEAN      NOT NULL,
    in_app     BOOLEAN      NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;
