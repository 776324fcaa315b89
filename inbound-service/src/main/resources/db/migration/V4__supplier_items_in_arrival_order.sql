-- InnoDB stores a table in primary-key order. Keyed by item_id (a random UUID), every new row of an
-- import landed on a random page of ~3 KB snapshots: a read of that page when it had left the
-- buffer pool, and page splits all over the table. Rows are now stored in arrival order under a
-- sequence; item_id stays unique (a small secondary index answers the ledger's lookups).
ALTER TABLE supplier_item
    DROP PRIMARY KEY,
    ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT FIRST,
    ADD PRIMARY KEY (seq),
    ADD UNIQUE KEY uk_supplier_item_id (item_id);
