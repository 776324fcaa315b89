-- What each supplier item looked like when last published: the content hash makes an unchanged
-- re-import publish nothing, the version orders changes, and the last snapshot lets a deactivation
-- publish a complete item.
CREATE TABLE supplier_item (
    item_id      CHAR(36)     NOT NULL PRIMARY KEY,
    supplier_id  VARCHAR(64)  NOT NULL,
    sku          VARCHAR(128) NOT NULL,
    content_hash BINARY(32)   NOT NULL,
    version      BIGINT       NOT NULL,
    active       BOOLEAN      NOT NULL,
    snapshot     MEDIUMTEXT   NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uk_supplier_item_sku (supplier_id, sku)
);
