CREATE TABLE demo_order (
  order_id VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id  VARCHAR(64) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE stock_projection (
  item_id   VARCHAR(64) NOT NULL PRIMARY KEY,
  updates   INT         NOT NULL
) ENGINE = InnoDB;
