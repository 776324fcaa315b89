-- Issue 21, per-line warehouses: each line of a reservation is blocked in the first of its ranked
-- warehouses (serviceability's candidates, preferred first) that has the stock, so the warehouse belongs
-- to the line, not to the reservation. Rows of V1 keep the warehouse their reservation named.
ALTER TABLE reservation_line ADD COLUMN warehouse_id VARCHAR(64) NULL AFTER item_id;
UPDATE reservation_line l JOIN reservation r ON r.order_id = l.order_id SET l.warehouse_id = r.warehouse_id;
ALTER TABLE reservation_line MODIFY warehouse_id VARCHAR(64) NOT NULL;
ALTER TABLE reservation DROP COLUMN warehouse_id;

-- One row per adjustment id (OPS corrections of on hand with a reason): a repeat finds it and changes
-- nothing. delta is signed; a negative one never takes on_hand below reserved (conditional UPDATE).
CREATE TABLE adjustment (
    adjustment_id VARCHAR(64) NOT NULL PRIMARY KEY,
    warehouse_id  VARCHAR(64) NOT NULL,
    item_id       CHAR(36)    NOT NULL,
    delta         BIGINT      NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    adjusted_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;

-- A warehouse's items, a page at a time in item order (the primary key leads with item_id).
CREATE INDEX stock_warehouse ON stock (warehouse_id, item_id);
