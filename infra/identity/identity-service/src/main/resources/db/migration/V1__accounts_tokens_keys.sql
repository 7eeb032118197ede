-- Identity: accounts and their roles, refresh tokens, the token signing key.

-- Phone (national form 0xxxxxxxxx) and e-mail (lower-cased ASCII) are each unique when present.
CREATE TABLE accounts (
    id            CHAR(36)      CHARACTER SET ascii NOT NULL,
    display_name  VARCHAR(100)  NOT NULL,
    phone         CHAR(10)      CHARACTER SET ascii NULL,
    email         VARCHAR(254)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    password_hash VARCHAR(255)  CHARACTER SET ascii NOT NULL,
    status        VARCHAR(20)   CHARACTER SET ascii NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_accounts_phone (phone),
    UNIQUE KEY uk_accounts_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per role granted; officers carry the (post-2025) province they are scoped to.
CREATE TABLE account_roles (
    account_id    CHAR(36)      CHARACTER SET ascii NOT NULL,
    role          VARCHAR(20)   CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)       CHARACTER SET ascii NULL,
    PRIMARY KEY (account_id, role),
    KEY ix_account_roles_role (role),
    CONSTRAINT fk_account_roles_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refresh tokens are kept only as the hex SHA-256 of the token. Each rotation revokes the presented token and
-- points it at its successor (replaced_by); all tokens descending from one login share a family.
CREATE TABLE refresh_tokens (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    account_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    family_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    token_hash  CHAR(64)     CHARACTER SET ascii NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    replaced_by CHAR(36)     CHARACTER SET ascii NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refresh_tokens_hash (token_hash),
    KEY ix_refresh_tokens_family (family_id),
    KEY ix_refresh_tokens_account (account_id),
    CONSTRAINT fk_refresh_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- RSA keys that sign access tokens (private key as base64 PKCS#8), unless a key file is configured.
-- At most one key is active: active_guard is 1 for the active row and NULL otherwise, and a unique index
-- ignores NULLs, so two instances generating a first key at once cannot both succeed.
CREATE TABLE signing_keys (
    kid          VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    private_key  TEXT         CHARACTER SET ascii NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    active       BOOLEAN      NOT NULL,
    active_guard TINYINT      GENERATED ALWAYS AS (IF(active, 1, NULL)) STORED,
    PRIMARY KEY (kid),
    UNIQUE KEY uk_signing_keys_active (active_guard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
