-- The supplier who sells each line (item-service's supplierId when the order was taken): the seller who
-- fulfils it, sees the order and is told of it. Null on lines taken before it was recorded.
ALTER TABLE order_line ADD COLUMN supplier_id VARCHAR(64) NULL;
CREATE INDEX order_line_supplier ON order_line (supplier_id, order_id);
