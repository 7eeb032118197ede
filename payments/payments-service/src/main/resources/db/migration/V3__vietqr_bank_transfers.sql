-- VietQR bank transfers. A session may be paid by several transfers (a buyer who sent too little sends the rest), so a
-- session now keeps what its provider has taken so far; a refund of it never exceeds that. A VNPay session takes its
-- whole amount at once: the ones already captured took exactly their amount.
ALTER TABLE payment_sessions ADD COLUMN received_vnd BIGINT NOT NULL DEFAULT 0 AFTER amount_vnd;
UPDATE payment_sessions SET received_vnd = amount_vnd WHERE state = 'SUCCEEDED';
ALTER TABLE payment_sessions ADD CONSTRAINT ck_payment_sessions_received CHECK (received_vnd >= 0);

-- The audit trail also keeps bank transfer notifications, as VIETQR:<source> (the source's name is at most 32 characters).
ALTER TABLE provider_notifications MODIFY provider VARCHAR(48) CHARACTER SET ascii NOT NULL;

-- Every credit to the platform's collection account a bank (or an aggregator watching the account) notified us of, once
-- per bank transaction: matched to the session whose reference its description carries, or kept UNMATCHED for an
-- administrator (the money arrived; it is never thrown away).
CREATE TABLE bank_transfers (
    id                     CHAR(36)      CHARACTER SET ascii NOT NULL,
    -- who notified us (a configured source under ocop.vietqr.sources) and the bank's transaction id there
    source                 VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    transaction_id         VARCHAR(64)   CHARACTER SET ascii NOT NULL,
    amount_vnd             BIGINT        NOT NULL,
    -- the transfer's description as the bank reports it (the buyer's bank may add to or cut the QR's purpose text)
    description            VARCHAR(500)  NOT NULL,
    account_number         VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    -- the sender, when the source reports it: where a refund by bank transfer goes
    counter_account_number VARCHAR(32)   CHARACTER SET ascii NULL,
    counter_account_name   VARCHAR(200)  NULL,
    counter_bank           VARCHAR(64)   NULL,
    transferred_at         DATETIME(6)   NOT NULL,
    -- the session it was applied to (NULL: UNMATCHED) and that session's reference
    session_id             CHAR(36)      CHARACTER SET ascii NULL,
    txn_ref                VARCHAR(32)   CHARACTER SET ascii NULL,
    -- what it did: PARTIAL (session still open), PAID, OVERPAID (paid, with an excess), EXCESS (the session was already
    -- paid: all of it is excess), LATE (captured for a closed session, for orders to refund), HELD (the session ended
    -- unpaid otherwise: kept for an administrator), UNMATCHED (no session found)
    outcome                VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    -- received beyond what the session asked for, to give back, and the refund recorded for it
    excess_vnd             BIGINT        NOT NULL,
    refund_id              CHAR(36)      CHARACTER SET ascii NULL,
    received_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bank_transfers_transaction (source, transaction_id),
    KEY ix_bank_transfers_session (session_id),
    KEY ix_bank_transfers_outcome (outcome, received_at),
    CONSTRAINT fk_bank_transfers_session FOREIGN KEY (session_id) REFERENCES payment_sessions (id),
    CONSTRAINT ck_bank_transfers_amount CHECK (amount_vnd > 0),
    CONSTRAINT ck_bank_transfers_excess CHECK (excess_vnd >= 0 AND excess_vnd <= amount_vnd),
    CONSTRAINT ck_bank_transfers_outcome CHECK (outcome IN ('PARTIAL', 'PAID', 'OVERPAID', 'EXCESS', 'LATE', 'HELD', 'UNMATCHED')),
    CONSTRAINT ck_bank_transfers_matched CHECK ((outcome = 'UNMATCHED') = (session_id IS NULL)),
    CONSTRAINT ck_bank_transfers_refund CHECK ((excess_vnd > 0) = (refund_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
