-- A profile of MariaDB during a 100,000-item import put about a tenth of its CPU in character-set
-- work on this table: validating and converting each ~2 KB utf8mb4 snapshot, and comparing
-- item ids under the UCA collation in the unique index. The snapshot is JSON that only this
-- service reads back (a deactivation), so it is stored as the UTF-8 bytes it was written as;
-- item ids are UUID strings (ItemIds.of), so ASCII compared byte for byte is their exact order.
ALTER TABLE supplier_item
    MODIFY snapshot MEDIUMBLOB NOT NULL,
    MODIFY item_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
