-- Payment sessions: one attempt to collect a checkout's amount through a provider (VNPay first).
CREATE TABLE payment_sessions (
    id                      CHAR(36)      CHARACTER SET ascii NOT NULL,
    checkout_id             CHAR(36)      CHARACTER SET ascii NOT NULL,
    checkout_number         VARCHAR(40)   NOT NULL,
    method                  VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    amount_vnd              BIGINT        NOT NULL,
    state                   VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    -- our reference at the provider (VNPay's vnp_TxnRef): short ASCII letters and digits
    txn_ref                 VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    pay_url                 VARCHAR(4000) CHARACTER SET ascii NULL,
    expires_at              DATETIME(6)   NOT NULL,
    provider_transaction_no VARCHAR(64)   NULL,
    provider_response_code  VARCHAR(8)    NULL,
    provider_bank_code      VARCHAR(32)   NULL,
    paid_at                 DATETIME(6)   NULL,
    -- the checkout id once the payment succeeded: its unique key refuses a second capture for one checkout
    captured_checkout_id    CHAR(36)      CHARACTER SET ascii NULL,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    -- 1 while the session is open, else NULL (not mapped by the application): with checkout_id, a unique key that
    -- allows at most one open session per checkout (NULLs never collide). MariaDB refuses a CHAR column inside a
    -- generated expression, hence a marker rather than the checkout id itself.
    open_marker             TINYINT       GENERATED ALWAYS AS (IF(state = 'OPEN', 1, NULL)) STORED,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_sessions_txn_ref (txn_ref),
    UNIQUE KEY uk_payment_sessions_captured (captured_checkout_id),
    UNIQUE KEY uk_payment_sessions_open (checkout_id, open_marker),
    CONSTRAINT ck_payment_sessions_amount CHECK (amount_vnd > 0),
    CONSTRAINT ck_payment_sessions_state CHECK (state IN ('OPEN', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED')),
    CONSTRAINT ck_payment_sessions_capture CHECK ((state = 'SUCCEEDED') = (captured_checkout_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every notification a provider sent us (VNPay IPNs), valid or not, with our answer: the audit trail.
CREATE TABLE provider_notifications (
    id              CHAR(36)      CHARACTER SET ascii NOT NULL,
    provider        VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    txn_ref         VARCHAR(100)  NULL,
    raw_query       TEXT          NOT NULL,
    signature_valid BOOLEAN       NOT NULL,
    answer_code     VARCHAR(4)    CHARACTER SET ascii NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_provider_notifications_txn_ref (txn_ref),
    KEY ix_provider_notifications_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
