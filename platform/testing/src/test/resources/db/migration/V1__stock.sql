CREATE TABLE stock (
  item_id   VARCHAR(64) NOT NULL PRIMARY KEY,
  available BIGINT      NOT NULL
) ENGINE = InnoDB;

INSERT INTO stock (item_id, available) VALUES ('tv-55', 1);
