-- Refunds of VietQR payments given back by hand. No provider can refund a bank transfer: an operator of the platform's
-- finance team sends the money from the platform's account to the buyer's (as the bank notifications of the payment
-- named it) and records here, once per refund, what the bank did: SENT with the bank's reference of the outgoing
-- transfer (the refund then SUCCEEDED, RefundCompleted published), or FAILED with why (the refund then FAILED). Who
-- recorded it and when is the audit trail; the account the money went to is kept as the operator sent it.
CREATE TABLE refund_bank_transfers (
    refund_id            CHAR(36)     CHARACTER SET ascii NOT NULL,
    outcome              VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    -- the refund's amount, whole dong: what left the platform's account (never typed by the operator)
    amount_vnd           BIGINT       NOT NULL,
    -- SENT: the bank's reference of the outgoing transfer (one transfer refunds one refund) and when the bank made it
    bank_reference       VARCHAR(64)  CHARACTER SET ascii NULL,
    transferred_at       DATETIME(6)  NULL,
    -- SENT: where the money went, and whether that came from the payment's bank notifications (NOTIFIED) or from the
    -- operator, after asking the buyer (OPERATOR)
    payee_account_number VARCHAR(32)  CHARACTER SET ascii NULL,
    payee_account_name   VARCHAR(200) NULL,
    payee_bank           VARCHAR(64)  NULL,
    payee_from           VARCHAR(16)  CHARACTER SET ascii NULL,
    -- FAILED: why the money could not be sent (e.g. the buyer's account is closed), as the operator wrote it
    failure_reason       VARCHAR(500) NULL,
    -- the administrator's account and when it was recorded
    recorded_by          CHAR(36)     CHARACTER SET ascii NOT NULL,
    recorded_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (refund_id),
    UNIQUE KEY uk_refund_bank_transfers_reference (bank_reference),
    CONSTRAINT fk_refund_bank_transfers_refund FOREIGN KEY (refund_id) REFERENCES refunds (id),
    CONSTRAINT ck_refund_bank_transfers_outcome CHECK (outcome IN ('SENT', 'FAILED')),
    CONSTRAINT ck_refund_bank_transfers_amount CHECK (amount_vnd > 0),
    CONSTRAINT ck_refund_bank_transfers_sent CHECK ((outcome = 'SENT') = (bank_reference IS NOT NULL
        AND transferred_at IS NOT NULL AND payee_account_number IS NOT NULL AND payee_from IS NOT NULL)),
    CONSTRAINT ck_refund_bank_transfers_failed CHECK ((outcome = 'FAILED') = (failure_reason IS NOT NULL)),
    CONSTRAINT ck_refund_bank_transfers_payee_from CHECK (payee_from IS NULL OR payee_from IN ('NOTIFIED', 'OPERATOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
