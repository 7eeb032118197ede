-- Refunds: money given back to a buyer through the provider that captured it, one row per refund orders asked for
-- (RefundRequested). The refund worker sends REQUESTED rows to the provider and ends them SUCCEEDED or FAILED.
CREATE TABLE refunds (
    -- orders' refundId, stable per cause: a repeated request finds this row and changes nothing
    id                      CHAR(36)      CHARACTER SET ascii NOT NULL,
    checkout_id             CHAR(36)      CHARACTER SET ascii NOT NULL,
    -- the cancelled seller order, or NULL when a whole late payment is refunded
    order_id                CHAR(36)      CHARACTER SET ascii NULL,
    -- the captured payment session refunded; NULL only for a request refused because nothing was captured
    session_id              CHAR(36)      CHARACTER SET ascii NULL,
    method                  VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    amount_vnd              BIGINT        NOT NULL,
    -- orders' reason for the refund, as it sent it
    reason                  VARCHAR(500)  NOT NULL,
    state                   VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    -- calls made to the provider so far
    attempts                INT           NOT NULL,
    -- when the worker may take the row next: the backoff after a failed attempt, or the lease of an attempt in flight
    next_attempt_at         DATETIME(6)   NOT NULL,
    -- the provider's request id of the latest attempt (VNPay's vnp_RequestId)
    request_id              VARCHAR(32)   CHARACTER SET ascii NULL,
    -- TRUE while request_id may have reached the provider without an answer we could trust (in flight, timed out,
    -- crashed): the next attempt sends the same request id again rather than a new one
    in_doubt                BOOLEAN       NOT NULL,
    provider_response_code  VARCHAR(8)    NULL,
    provider_message        VARCHAR(255)  NULL,
    -- the provider's reference of the refund (VNPay's vnp_TransactionNo in its answer)
    provider_transaction_no VARCHAR(64)   NULL,
    -- why the refund FAILED, or why the last attempt did not succeed
    failure_reason          VARCHAR(500)  NULL,
    requested_at            DATETIME(6)   NOT NULL,
    completed_at            DATETIME(6)   NULL,
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_refunds_due (state, next_attempt_at),
    KEY ix_refunds_session (session_id),
    KEY ix_refunds_checkout (checkout_id),
    CONSTRAINT fk_refunds_session FOREIGN KEY (session_id) REFERENCES payment_sessions (id),
    CONSTRAINT ck_refunds_state CHECK (state IN ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    -- a refused request is kept as it came, whatever its amount; anything sent to a provider is positive
    CONSTRAINT ck_refunds_amount CHECK (state = 'FAILED' OR amount_vnd > 0),
    CONSTRAINT ck_refunds_session CHECK (state = 'FAILED' OR session_id IS NOT NULL),
    CONSTRAINT ck_refunds_completed CHECK ((state = 'REQUESTED') = (completed_at IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
