-- A guest cart: its lines live in cart / cart_line under the owner key 'guest:<guest_id>'. The token
-- the shopper holds is stored only as its SHA-256 (hex), so a copy of this table gives no usable
-- token. last_used_at moves on every use; a cart idle longer than bazaar.cart.guest.idle-timeout is
-- refused and then deleted by the clean-up.
CREATE TABLE guest_cart (
    token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
    guest_id     CHAR(36)     NOT NULL UNIQUE,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_used_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    INDEX guest_cart_last_used (last_used_at)
) ENGINE = InnoDB;
