-- VNPay reconciliation (querydr): for a VNPay session with no verdict some minutes after it opened (the IPN may be
-- lost), the worker asks VNPay what became of the payment. One row per session asked about; V3-V5 are other features'.
CREATE TABLE vnpay_queries (
    session_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- queries sent so far
    attempts        INT          NOT NULL,
    -- when the session may be asked about next: the lease of a query in flight, then the backoff
    next_query_at   DATETIME(6)  NOT NULL,
    -- TRUE once nothing more is to be learnt: VNPay said paid (settled) or unpaid, or the pay request expired unpaid
    done            BOOLEAN      NOT NULL,
    -- what the last query learnt: PAID, UNPAID, NOT_YET, UNKNOWN, or AMOUNT_MISMATCH (paid, but not the session's
    -- amount: left for an admin, as an IPN with that amount would be refused)
    last_outcome    VARCHAR(16)  CHARACTER SET ascii NULL,
    -- VNPay's response code and transaction status ("00/01"), or why there is none ("no answer", "unsigned")
    last_code       VARCHAR(32)  NULL,
    last_queried_at DATETIME(6)  NULL,
    PRIMARY KEY (session_id),
    KEY ix_vnpay_queries_due (done, next_query_at),
    CONSTRAINT fk_vnpay_queries_session FOREIGN KEY (session_id) REFERENCES payment_sessions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the worker's lookup of sessions without a verdict, by age
CREATE INDEX ix_payment_sessions_unsettled ON payment_sessions (state, created_at);
