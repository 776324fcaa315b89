-- Users, their addresses, refresh tokens and the JWT signing keys. Times are UTC.

CREATE TABLE app_user
(
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  name          VARCHAR(100) NOT NULL,
  phone         VARCHAR(20)  NULL,
  roles         VARCHAR(100) NOT NULL,
  -- Bumped by every change to the user or an address: the cache's version stamp (cache.VersionedCache).
  version       BIGINT       NOT NULL DEFAULT 1,
  created_at    TIMESTAMP(3) NOT NULL,
  updated_at    TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_app_user_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE address
(
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  user_id       VARCHAR(36)  NOT NULL,
  label         VARCHAR(40)  NULL,
  recipient     VARCHAR(100) NOT NULL,
  line1         VARCHAR(200) NOT NULL,
  line2         VARCHAR(200) NULL,
  city          VARCHAR(100) NOT NULL,
  state         VARCHAR(100) NOT NULL,
  pincode       CHAR(6)      NOT NULL,
  phone         VARCHAR(20)  NULL,
  is_default    BOOLEAN      NOT NULL DEFAULT FALSE,
  -- The database itself refuses a second default per user: NULLs do not collide in a unique key.
  -- (VARCHAR ids: MariaDB refuses generated columns over CHAR, whose padding depends on sql_mode.)
  default_owner VARCHAR(36) AS (IF(is_default, user_id, NULL)) PERSISTENT,
  created_at    TIMESTAMP(3) NOT NULL,
  KEY ix_address_user (user_id, created_at),
  UNIQUE KEY uq_address_one_default (default_owner),
  CONSTRAINT fk_address_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Opaque refresh tokens, stored as SHA-256 only; one family per login, rotated on every use.
CREATE TABLE refresh_token
(
  token_hash CHAR(64)     NOT NULL PRIMARY KEY,
  family_id  CHAR(36)     NOT NULL,
  user_id    CHAR(36)     NOT NULL,
  expires_at TIMESTAMP(3) NOT NULL,
  used_at    TIMESTAMP(3) NULL,
  revoked_at TIMESTAMP(3) NULL,
  created_at TIMESTAMP(3) NOT NULL,
  KEY ix_refresh_family (family_id),
  KEY ix_refresh_user (user_id)
) ENGINE = InnoDB;

-- RS256 key pairs; the newest signs, the newest few are published in the JWKS.
CREATE TABLE signing_key
(
  kid         VARCHAR(64)  NOT NULL PRIMARY KEY,
  public_key  TEXT         NOT NULL,
  private_key TEXT         NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL
) ENGINE = InnoDB;
