-- One row per signed-in shopper who has had a wishlist: every add locks it first (SELECT ... FOR
-- UPDATE), so the per-wishlist cap holds under parallel adds of different items.
CREATE TABLE wishlist (
    user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;

-- id: the order of adds (newest first in a read), exact even when two adds share a timestamp.
-- added_price_*: the price when the item was first added, kept so a read can say "price dropped".
CREATE TABLE wishlist_entry (
    id                   BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id              VARCHAR(64) NOT NULL,
    item_id              CHAR(36)    NOT NULL,
    added_price_minor    BIGINT      NOT NULL,
    added_price_currency CHAR(3)     NOT NULL,
    added_at             TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY uq_wishlist_entry (user_id, item_id),
    KEY ix_wishlist_entry_newest (user_id, id),
    CONSTRAINT fk_wishlist_entry_wishlist FOREIGN KEY (user_id) REFERENCES wishlist (user_id)
) ENGINE = InnoDB;
