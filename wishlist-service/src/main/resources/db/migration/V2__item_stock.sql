-- Projection of inventory.stock.v1: one row per item (all warehouses together), for the "stock" and
-- "backInStock" of a wishlist read. Written only by versioned upserts (ItemStocks), so a redelivered
-- or late, older event changes nothing. No row: no stock event seen for the item yet (UNKNOWN).
-- back_in_stock_at: when this service last saw the item go from out of stock (total 0) to in stock;
-- an entry added before it was out of stock at some point since (README, "back in stock"). Kept per
-- item, not per entry, so one stock event writes one row however many wishlists hold the item.
CREATE TABLE item_stock (
    item_id          CHAR(36)     NOT NULL PRIMARY KEY,
    total_available  BIGINT       NOT NULL,
    version          BIGINT       NOT NULL,
    back_in_stock_at TIMESTAMP(6) NULL DEFAULT NULL
) ENGINE = InnoDB;
