-- Reconciliation (reconciliation/Reconciliation): one row per run, scheduled or asked for by OPS, with what it
-- checked; RUNNING until it ends COMPLETED or FAILED (a peer down: nothing it found is called clean).
CREATE TABLE reconciliation_run (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    trigger_kind        VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    started_at          TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    finished_at         TIMESTAMP(6)  NULL,
    stock_rows          BIGINT        NOT NULL DEFAULT 0,
    orders_checked      BIGINT        NOT NULL DEFAULT 0,
    ledger_references   BIGINT        NOT NULL DEFAULT 0,
    payments_checked    BIGINT        NOT NULL DEFAULT 0,
    skipped_as_moving   BIGINT        NOT NULL DEFAULT 0,
    mismatches          BIGINT        NOT NULL DEFAULT 0,
    failure             VARCHAR(1000) NULL,
    KEY reconciliation_run_latest (status, started_at)
) ENGINE = InnoDB;

-- Each mismatch a run found, in the order found: its kind, whom it is about (the ids that apply), what was
-- expected and what was found. Reported only; nothing is ever corrected from here.
CREATE TABLE reconciliation_mismatch (
    run_id       CHAR(36)      NOT NULL,
    seq          INT           NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    order_id     VARCHAR(64)   NULL,
    item_id      VARCHAR(64)   NULL,
    warehouse_id VARCHAR(64)   NULL,
    payment_id   VARCHAR(64)   NULL,
    expected     VARCHAR(500)  NOT NULL,
    actual       VARCHAR(500)  NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_reconciliation_mismatch FOREIGN KEY (run_id) REFERENCES reconciliation_run (id)
) ENGINE = InnoDB;
