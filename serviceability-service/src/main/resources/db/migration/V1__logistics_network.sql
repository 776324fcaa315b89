-- The logistics network (OPS loads it through /api/ops/logistics/**) and the item-location
-- projections. No foreign keys: every reference is validated at load with the offending row, and
-- bulk loads of thousands of rows stay a single multi-row upsert.

CREATE TABLE pincode
(
  code      CHAR(6)     NOT NULL PRIMARY KEY,
  state     VARCHAR(64) NOT NULL,
  latitude  DOUBLE      NOT NULL,
  longitude DOUBLE      NOT NULL
) ENGINE = InnoDB;

CREATE TABLE courier
(
  code VARCHAR(40)  NOT NULL PRIMARY KEY,
  name VARCHAR(120) NOT NULL
) ENGINE = InnoDB;

-- slot: the warehouse's fixed column in the Redis matrix; never reused, never renumbered.
CREATE TABLE warehouse
(
  id             VARCHAR(40)  NOT NULL PRIMARY KEY,
  name           VARCHAR(120) NOT NULL,
  pincode        CHAR(6)      NOT NULL,
  handling_hours INT          NOT NULL,
  cutoff_time    TIME         NOT NULL,
  slot           INT          NOT NULL,
  UNIQUE KEY warehouse_slot (slot)
) ENGINE = InnoDB;

CREATE TABLE hub
(
  id        VARCHAR(40)  NOT NULL PRIMARY KEY,
  name      VARCHAR(120) NOT NULL,
  state     VARCHAR(64)  NOT NULL,
  latitude  DOUBLE       NOT NULL,
  longitude DOUBLE       NOT NULL
) ENGINE = InnoDB;

-- from_node / to_node: a warehouse id or a hub id (one id space).
CREATE TABLE lane
(
  from_node     VARCHAR(40) NOT NULL,
  to_node       VARCHAR(40) NOT NULL,
  courier       VARCHAR(40) NOT NULL,
  transit_hours INT         NOT NULL,
  max_size      VARCHAR(10) NOT NULL,
  PRIMARY KEY (from_node, to_node, courier)
) ENGINE = InnoDB;

-- Last mile: which hub delivers to which pincode, through which courier (the couriers of a locality).
CREATE TABLE coverage
(
  hub_id        VARCHAR(40) NOT NULL,
  pincode       CHAR(6)     NOT NULL,
  courier       VARCHAR(40) NOT NULL,
  transit_hours INT         NOT NULL,
  max_size      VARCHAR(10) NOT NULL,
  PRIMARY KEY (hub_id, pincode),
  INDEX coverage_by_pincode (pincode)
) ENGINE = InnoDB;

-- Projection of inventory.stock.v1: versioned upserts, so replays and late events change nothing.
CREATE TABLE item_stock
(
  item_id      VARCHAR(64) NOT NULL,
  warehouse_id VARCHAR(40) NOT NULL,
  available    BIGINT      NOT NULL,
  version      BIGINT      NOT NULL,
  PRIMARY KEY (item_id, warehouse_id)
) ENGINE = InnoDB;

-- Projection of catalog.items.v1: the size class decides which lanes may carry the item.
CREATE TABLE item_size
(
  item_id    VARCHAR(64) NOT NULL PRIMARY KEY,
  size_class VARCHAR(10) NOT NULL,
  active     BOOLEAN     NOT NULL,
  version    BIGINT      NOT NULL
) ENGINE = InnoDB;
