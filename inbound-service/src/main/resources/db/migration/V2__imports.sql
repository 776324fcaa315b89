CREATE TABLE import_job (
    import_id   CHAR(36)      NOT NULL PRIMARY KEY,
    supplier_id VARCHAR(64)   NOT NULL,
    format      VARCHAR(32)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    spool_path  VARCHAR(1000) NULL,
    body_bytes  BIGINT        NOT NULL,
    rows_read   BIGINT        NOT NULL DEFAULT 0,
    accepted    BIGINT        NOT NULL DEFAULT 0,
    rejected    BIGINT        NOT NULL DEFAULT 0,
    skipped     BIGINT        NOT NULL DEFAULT 0,
    unchanged   BIGINT        NOT NULL DEFAULT 0,
    failure     VARCHAR(1000) NULL,
    received_at TIMESTAMP(6)  NOT NULL,
    started_at  TIMESTAMP(6)  NULL,
    finished_at TIMESTAMP(6)  NULL,
    INDEX ix_import_job_status (status)
);

CREATE TABLE import_row_error (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    import_id  CHAR(36)     NOT NULL,
    row_no     BIGINT       NOT NULL,
    field      VARCHAR(120) NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    INDEX ix_import_row_error_import (import_id, row_no)
);
