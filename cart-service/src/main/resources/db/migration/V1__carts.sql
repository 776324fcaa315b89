-- One row per signed-in shopper who has had a cart: every change locks it first (SELECT ... FOR
-- UPDATE), so the line-count limit holds under parallel adds of different items.
CREATE TABLE cart (
    user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;

-- added_price_*: the price charged when the line was first added, kept so a read can flag a change.
CREATE TABLE cart_line (
    user_id             VARCHAR(64) NOT NULL,
    item_id             CHAR(36)    NOT NULL,
    quantity            INT         NOT NULL,
    added_price_minor   BIGINT      NOT NULL,
    added_price_currency CHAR(3)    NOT NULL,
    added_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, item_id),
    CONSTRAINT fk_cart_line_cart FOREIGN KEY (user_id) REFERENCES cart (user_id)
) ENGINE = InnoDB;
