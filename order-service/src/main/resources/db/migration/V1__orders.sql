-- One row per order. status moves only by compare-and-set (UPDATE ... WHERE id = ? AND status = ?), each
-- move recorded in order_status_history in the same transaction. The total is the sum of the lines' repriced
-- amounts, stored so a read never recomputes it. payment_due_at is when the payment timeout falls (the Redis
-- key's expiry); the sweeper looks for PAYMENT_PENDING orders past it plus the grace.
CREATE TABLE orders (
    id                   CHAR(36)      NOT NULL PRIMARY KEY,
    user_id              VARCHAR(64)   NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    reason               VARCHAR(64)   NULL,
    address_id           VARCHAR(64)   NULL,
    pincode              CHAR(6)       NOT NULL,
    payment_method       VARCHAR(16)   NOT NULL,
    total_minor          BIGINT        NOT NULL,
    currency             CHAR(3)       NOT NULL,
    payment_id           VARCHAR(64)   NULL,
    payment_redirect_url VARCHAR(2000) NULL,
    payment_due_at       TIMESTAMP(6)  NULL,
    created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY orders_of_user (user_id, created_at),
    KEY orders_overdue (status, payment_due_at)
) ENGINE = InnoDB;

-- The lines as repriced from item-service when the order was taken; warehouse_id is the warehouse
-- inventory-service reserved the line in (null until then).
CREATE TABLE order_line (
    order_id         CHAR(36)     NOT NULL,
    line_no          INT          NOT NULL,
    item_id          CHAR(36)     NOT NULL,
    title            VARCHAR(500) NOT NULL,
    quantity         INT          NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    warehouse_id     VARCHAR(64)  NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_line FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE = InnoDB;

-- Every status an order took, in order (from_status null for the creation).
CREATE TABLE order_status_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id    CHAR(36)     NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    reason      VARCHAR(64)  NULL,
    changed_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY order_status_history_order (order_id, id)
) ENGINE = InnoDB;
