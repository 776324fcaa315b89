-- The supplier a SELLER sells for (OPS links it): their access token's supplier_id claim, which order-service
-- uses to show and change only orders of that supplier's items, and whom notification-service tells of them.
ALTER TABLE app_user ADD COLUMN supplier_id VARCHAR(64) NULL;
CREATE INDEX ix_app_user_supplier ON app_user (supplier_id);
