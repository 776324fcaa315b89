-- Stock of one item in one warehouse. on_hand is what the warehouse physically holds, reserved the part
-- of it blocked for unpaid orders (never more than on_hand: every reservation is the conditional UPDATE
-- ... WHERE on_hand - reserved >= q), sold what left it for paid orders. Available = on_hand - reserved;
-- everything received = on_hand + sold.
CREATE TABLE stock (
    item_id      CHAR(36)    NOT NULL,
    warehouse_id VARCHAR(64) NOT NULL,
    on_hand      BIGINT      NOT NULL DEFAULT 0,
    reserved     BIGINT      NOT NULL DEFAULT 0,
    sold         BIGINT      NOT NULL DEFAULT 0,
    updated_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (item_id, warehouse_id),
    CONSTRAINT stock_never_negative CHECK (reserved >= 0 AND reserved <= on_hand AND sold >= 0)
) ENGINE = InnoDB;

-- StockChanged.version per item: incremented (and so locked) by every change of the item, in its
-- transaction, so versions follow the order the changes commit in.
CREATE TABLE item_version (
    item_id CHAR(36) NOT NULL PRIMARY KEY,
    version BIGINT   NOT NULL
) ENGINE = InnoDB;

-- One row per receipt id: a repeat finds it and changes nothing.
CREATE TABLE receipt (
    receipt_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    warehouse_id VARCHAR(64) NOT NULL,
    item_id      CHAR(36)    NOT NULL,
    quantity     BIGINT      NOT NULL,
    received_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;

-- One reservation per order: its status moves once, RESERVED -> CONFIRMED or RELEASED (compare-and-set).
CREATE TABLE reservation (
    order_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    warehouse_id VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    expires_at   TIMESTAMP(6) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY reservation_expiry (status, expires_at)
) ENGINE = InnoDB;

CREATE TABLE reservation_line (
    order_id VARCHAR(64) NOT NULL,
    item_id  CHAR(36)    NOT NULL,
    quantity BIGINT      NOT NULL,
    PRIMARY KEY (order_id, item_id),
    CONSTRAINT fk_reservation_line FOREIGN KEY (order_id) REFERENCES reservation (order_id)
) ENGINE = InnoDB;

-- Every movement, written in the transaction of the change it records: the stored figures can be
-- recomputed from it (StockLedger.recompute).
CREATE TABLE stock_ledger (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id      CHAR(36)     NOT NULL,
    warehouse_id VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    quantity     BIGINT       NOT NULL,
    reference    VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY stock_ledger_item (item_id, warehouse_id)
) ENGINE = InnoDB;
