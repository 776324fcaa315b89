-- Tables the platform starter needs in every service on MariaDB. Flyway applies this location
-- (spring.flyway.locations includes classpath:db/bazaar by default); "IF NOT EXISTS" keeps it
-- harmless to re-run.

-- The transactional outbox: Spring Modulith's event publication registry (schema v2). Upper-case
-- name as Modulith queries it (MariaDB table names are case-sensitive on Linux). The serialized
-- event is MEDIUMTEXT, not Modulith's default VARCHAR(4000): a catalogue item with a long
-- description or an order with many lines is larger than that.
CREATE TABLE IF NOT EXISTS EVENT_PUBLICATION
(
  ID                     VARCHAR(36)  NOT NULL,
  LISTENER_ID            VARCHAR(512) NOT NULL,
  EVENT_TYPE             VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT       MEDIUMTEXT   NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE        TIMESTAMP(6) DEFAULT NULL NULL,
  STATUS                 VARCHAR(20),
  COMPLETION_ATTEMPTS    INT,
  LAST_RESUBMISSION_DATE TIMESTAMP(6),
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB;

-- The idempotent consumer (ProcessedEvents): one row per consumer and event id it has applied.
CREATE TABLE IF NOT EXISTS bazaar_processed_event
(
  consumer     VARCHAR(100) NOT NULL,
  event_id     CHAR(36)     NOT NULL,
  processed_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB;

-- The batch outbox (BatchOutbox / OutboxRelay) for high-volume streams: the events staged
-- together are one row (framed by OutboxEntries), sent in id order and deleted once Kafka
-- acknowledged every event in it. It replaced bazaar_outbox (a row per event), which is no longer
-- read: rows left there by an older release are not sent.
CREATE TABLE IF NOT EXISTS bazaar_outbox_batch
(
  id      BIGINT   NOT NULL AUTO_INCREMENT,
  events  INT      NOT NULL,
  content LONGBLOB NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB;
-- The W3C trace context of the span that staged the row, sent with each of its events so the trace
-- goes on to the consumers. Added apart from the CREATE so a table made before it gets it too
-- (in the CREATE, every new database would log a "duplicate column" warning here).
ALTER TABLE bazaar_outbox_batch ADD COLUMN IF NOT EXISTS traceparent VARCHAR(64) NULL;

-- Idempotency keys of client requests (IdempotentRequests): the first request's fingerprint and
-- answer, written in the same transaction as its effect; deleted after the retention.
CREATE TABLE IF NOT EXISTS bazaar_idempotent_request
(
  scope           VARCHAR(120)  NOT NULL,
  idempotency_key VARCHAR(100)  NOT NULL,
  fingerprint     CHAR(64)      NOT NULL,
  answer          MEDIUMTEXT    NULL,
  created_at      TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (scope, idempotency_key),
  INDEX bazaar_idempotent_request_by_created_at (created_at)
) ENGINE = InnoDB;
