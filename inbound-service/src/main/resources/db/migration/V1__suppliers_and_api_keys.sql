CREATE TABLE supplier (
    supplier_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL
);

-- Only the SHA-256 of each key is stored: keys are 256-bit random, so a fast hash cannot be brute-forced.
CREATE TABLE api_key (
    key_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    supplier_id VARCHAR(64)  NOT NULL,
    key_hash    BINARY(32)   NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    revoked_at  TIMESTAMP(6) NULL,
    CONSTRAINT fk_api_key_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (supplier_id)
);
