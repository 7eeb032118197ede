-- Card payments through Stripe. V3-V6 are other features'.

-- The PaymentIntent of a CARD session, created when the buyer first opens the card page (outside any transaction, with
-- an idempotency key derived from the session, so that a retried or concurrent opening gets the same intent). Its
-- client secret is not stored: the page reads it from Stripe each time it is shown.
CREATE TABLE card_intents (
    session_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    txn_ref     VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    intent_id   VARCHAR(255) CHARACTER SET ascii NOT NULL,
    amount_vnd  BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id),
    UNIQUE KEY uk_card_intents_intent (intent_id),
    CONSTRAINT fk_card_intents_session FOREIGN KEY (session_id) REFERENCES payment_sessions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every Stripe event we acted on, by Stripe's event id: a webhook delivered again (Stripe retries, replays) finds its id
-- here and changes nothing. A refused event (bad signature, amount mismatch) is not recorded, so nothing here is forged.
CREATE TABLE card_webhook_events (
    event_id    VARCHAR(255) CHARACTER SET ascii NOT NULL,
    event_type  VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    intent_id   VARCHAR(255) CHARACTER SET ascii NULL,
    session_id  CHAR(36)     CHARACTER SET ascii NULL,
    -- what it did: SUCCEEDED, LATE_CAPTURE, FAILED, NO_CHANGE (the session already had its verdict), REFUND_NOTED,
    -- UNKNOWN_SESSION (no CARD session of ours), IGNORED (a type we do not handle)
    outcome     VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id),
    KEY ix_card_webhook_events_session (session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What Stripe reported refunded of a card payment (charge.refunded), whether our refund worker or someone in Stripe's
-- dashboard refunded it: one row per event, for reconciliation against the refunds table.
CREATE TABLE card_refund_notices (
    event_id            VARCHAR(255) CHARACTER SET ascii NOT NULL,
    charge_id           VARCHAR(255) CHARACTER SET ascii NOT NULL,
    intent_id           VARCHAR(255) CHARACTER SET ascii NULL,
    session_id          CHAR(36)     CHARACTER SET ascii NULL,
    -- the charge's total refunded so far and whether that is all of it, whole dong
    amount_refunded_vnd BIGINT       NOT NULL,
    fully_refunded      BOOLEAN      NOT NULL,
    received_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id),
    KEY ix_card_refund_notices_session (session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
