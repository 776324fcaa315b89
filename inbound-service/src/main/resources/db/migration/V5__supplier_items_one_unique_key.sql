-- item_id is ItemIds.of(supplier_id, sku): unique item ids already make (supplier_id, sku) unique,
-- and every lookup (imports and deactivation) goes by item_id. The second unique index only cost
-- every import row one more random B-tree insert.
ALTER TABLE supplier_item DROP INDEX uk_supplier_item_sku;
