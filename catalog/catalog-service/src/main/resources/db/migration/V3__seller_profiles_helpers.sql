-- The rest of an OCOP subject's profile: registration code, representative, street address, the former district on
-- pre-reform papers, and where payouts go (a bank account by its NAPAS BIN, or a mobile-money wallet).
ALTER TABLE sellers
    ADD COLUMN business_code        VARCHAR(20)  CHARACTER SET ascii NULL AFTER legal_name,
    ADD COLUMN representative       VARCHAR(200) NULL AFTER business_code,
    ADD COLUMN street               VARCHAR(300) NULL AFTER representative,
    ADD COLUMN legacy_district_code CHAR(3)      CHARACTER SET ascii NULL AFTER commune_code,
    ADD COLUMN payout_method        VARCHAR(16)  CHARACTER SET ascii NULL AFTER email,
    ADD COLUMN payout_institution   VARCHAR(20)  CHARACTER SET ascii NULL AFTER payout_method,
    ADD COLUMN payout_account       VARCHAR(34)  CHARACTER SET ascii NULL AFTER payout_institution,
    ADD COLUMN payout_holder        VARCHAR(100) CHARACTER SET ascii NULL AFTER payout_account;

-- Helper accounts (Youth Union members, community digital-technology teams), as catalog learns of them from identity.
CREATE TABLE helpers (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    phone        VARCHAR(20)  CHARACTER SET ascii NULL,
    email        VARCHAR(254) NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_helpers_phone (phone),
    UNIQUE KEY uk_helpers_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a seller lets a helper do for it, and until when.
CREATE TABLE delegations (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    helper_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    scopes      VARCHAR(200) CHARACTER SET ascii NOT NULL,
    valid_until DATETIME(6)  NOT NULL,
    granted_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_delegations_seller (seller_id, granted_at),
    KEY ix_delegations_helper (helper_id, seller_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change made to a seller's data: who acted, for which seller, whether on the seller's behalf.
CREATE TABLE seller_activity (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    seller_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    actor_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    actor_role   VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    action       VARCHAR(48)  CHARACTER SET ascii NOT NULL,
    subject_id   CHAR(36)     CHARACTER SET ascii NULL,
    summary      VARCHAR(500) NOT NULL,
    acted_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_seller_activity_seller (seller_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
