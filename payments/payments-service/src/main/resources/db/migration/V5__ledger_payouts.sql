-- The seller ledger (double entry), commission rates, and payouts to sellers. See vn.ocop.payments.ledger.Ledger for the
-- accounts and what each money event posts. Amounts are whole dong.

-- Payments' copy of catalog's products (ProductPublished): the seller and OCOP group a commission rate goes by.
CREATE TABLE ledger_products (
    product_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    -- FOOD, BEVERAGES, HERBAL, HANDICRAFTS, ORNAMENTALS, TOURISM; NULL when catalog's snapshot did not say
    ocop_group  VARCHAR(16) CHARACTER SET ascii NULL,
    revision    BIGINT      NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Commission rates in basis points (1/100 of a percent; 10000 = 100%). A seller's own rate wins over its products'
-- group rates; a group without a rate takes the configured default (ocop.payments.commission.default-bps).
CREATE TABLE commission_group_rates (
    ocop_group  VARCHAR(16) CHARACTER SET ascii NOT NULL,
    rate_bps    INT         NOT NULL,
    updated_by  CHAR(36)    CHARACTER SET ascii NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (ocop_group),
    CONSTRAINT ck_commission_group_rates_group CHECK (ocop_group IN ('FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS',
                                                                     'ORNAMENTALS', 'TOURISM')),
    CONSTRAINT ck_commission_group_rates_bps CHECK (rate_bps BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE commission_seller_rates (
    seller_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    rate_bps    INT         NOT NULL,
    updated_by  CHAR(36)    CHARACTER SET ascii NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (seller_id),
    CONSTRAINT ck_commission_seller_rates_bps CHECK (rate_bps BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A seller order as the ledger knows it: what was captured for it, refunded of it, and the commission taken.
CREATE TABLE ledger_orders (
    order_id        CHAR(36)    CHARACTER SET ascii NOT NULL,
    order_number    VARCHAR(40) NOT NULL,
    checkout_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    method          VARCHAR(16) CHARACTER SET ascii NOT NULL,
    -- CONFIRMED (cash on delivery, nothing captured), PAID (captured, pending for the seller), COMPLETED
    state           VARCHAR(16) CHARACTER SET ascii NOT NULL,
    total_vnd       BIGINT      NOT NULL,
    -- captured by the platform for this order (0 for cash on delivery)
    paid_vnd        BIGINT      NOT NULL,
    refunded_vnd    BIGINT      NOT NULL,
    commission_vnd  BIGINT      NOT NULL,
    completed_at    DATETIME(6) NULL,
    created_at      DATETIME(6) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id),
    KEY ix_ledger_orders_seller (seller_id),
    CONSTRAINT ck_ledger_orders_state CHECK (state IN ('CONFIRMED', 'PAID', 'COMPLETED')),
    CONSTRAINT ck_ledger_orders_amounts CHECK (total_vnd >= 0 AND paid_vnd >= 0 AND refunded_vnd >= 0
                                               AND refunded_vnd <= paid_vnd AND commission_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The goods of an order (quantity x unit price per line), for the commission by OCOP group.
CREATE TABLE ledger_order_lines (
    order_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    line_no     INT         NOT NULL,
    product_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    amount_vnd  BIGINT      NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_ledger_order_lines_order FOREIGN KEY (order_id) REFERENCES ledger_orders (order_id),
    CONSTRAINT ck_ledger_order_lines_amount CHECK (amount_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every completed refund the ledger heard of (RefundCompleted), once: APPLIED to its order, WAITING for its order's
-- payment to reach the ledger (events of two streams may cross), or OUTSIDE the ledger (no order: a late payment or an
-- overpayment was given back, money never credited to a seller).
CREATE TABLE ledger_refunds (
    refund_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    checkout_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    order_id      CHAR(36)    CHARACTER SET ascii NULL,
    amount_vnd    BIGINT      NOT NULL,
    applied_vnd   BIGINT      NOT NULL,
    state         VARCHAR(16) CHARACTER SET ascii NOT NULL,
    completed_at  DATETIME(6) NOT NULL,
    recorded_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (refund_id),
    KEY ix_ledger_refunds_order (order_id, state),
    CONSTRAINT ck_ledger_refunds_state CHECK (state IN ('APPLIED', 'WAITING', 'OUTSIDE')),
    CONSTRAINT ck_ledger_refunds_amounts CHECK (amount_vnd >= 0 AND applied_vnd BETWEEN 0 AND amount_vnd)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Journal entries: one per money event (entry_type, reference is its natural key, so a replayed event posts nothing).
-- amount_vnd is the entry's total: its lines' debits and its lines' credits each add up to it (checked by the code
-- that posts; a CHECK cannot span rows in MariaDB, so the per-line shape is checked below).
CREATE TABLE ledger_entries (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- the order of posting, for newest-first pages
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    entry_type   VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    reference    VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    seller_id    CHAR(36)     CHARACTER SET ascii NULL,
    order_id     CHAR(36)     CHARACTER SET ascii NULL,
    amount_vnd   BIGINT       NOT NULL,
    description  VARCHAR(300) NOT NULL,
    -- when the money event happened (the event's time) and when it was posted here
    occurred_at  DATETIME(6)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_entries_seq (seq),
    UNIQUE KEY uk_ledger_entries_reference (entry_type, reference),
    KEY ix_ledger_entries_seller (seller_id, seq),
    CONSTRAINT ck_ledger_entries_type CHECK (entry_type IN ('ORDER_PAID', 'ORDER_COMPLETED', 'COD_COMMISSION', 'REFUND',
                                                            'PAYOUT')),
    CONSTRAINT ck_ledger_entries_amount CHECK (amount_vnd > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The lines of an entry: one account, one side. account is the kind, with ':' and the seller id for a seller's account.
CREATE TABLE ledger_lines (
    entry_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    line_no       INT         NOT NULL,
    account       VARCHAR(64) CHARACTER SET ascii NOT NULL,
    account_kind  VARCHAR(24) CHARACTER SET ascii NOT NULL,
    seller_id     CHAR(36)    CHARACTER SET ascii NULL,
    debit_vnd     BIGINT      NOT NULL,
    credit_vnd    BIGINT      NOT NULL,
    PRIMARY KEY (entry_id, line_no),
    KEY ix_ledger_lines_account (account),
    CONSTRAINT fk_ledger_lines_entry FOREIGN KEY (entry_id) REFERENCES ledger_entries (id),
    CONSTRAINT ck_ledger_lines_kind CHECK (account_kind IN ('CLEARING', 'REFUNDS', 'PAYOUTS', 'COMMISSION_REVENUE',
                                                            'SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_RECEIVABLE')),
    CONSTRAINT ck_ledger_lines_seller CHECK ((account_kind IN ('SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_RECEIVABLE'))
                                              = (seller_id IS NOT NULL)),
    -- exactly one side, and positive
    CONSTRAINT ck_ledger_lines_side CHECK (debit_vnd >= 0 AND credit_vnd >= 0 AND (debit_vnd = 0) <> (credit_vnd = 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each seller account's balance (debits minus credits), kept with every posting; the row is locked while it changes.
-- What a seller is owed is a credit balance; what it owes the platform is a debit balance: neither may turn.
CREATE TABLE ledger_balances (
    account       VARCHAR(64) CHARACTER SET ascii NOT NULL,
    account_kind  VARCHAR(24) CHARACTER SET ascii NOT NULL,
    seller_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    balance_vnd   BIGINT      NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (account),
    KEY ix_ledger_balances_seller (seller_id),
    CONSTRAINT ck_ledger_balances_sign CHECK (
        (account_kind IN ('SELLER_PENDING', 'SELLER_AVAILABLE') AND balance_vnd <= 0)
        OR (account_kind = 'SELLER_RECEIVABLE' AND balance_vnd >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payments' copy of each seller's payout account (catalog's SellerPayoutAccountChanged), the latest revision.
CREATE TABLE seller_payout_accounts (
    seller_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    method       VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    institution  VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    account      VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    holder       VARCHAR(100) NULL,
    revision     BIGINT       NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (seller_id),
    CONSTRAINT ck_seller_payout_accounts_method CHECK (method IN ('BANK_ACCOUNT', 'MOBILE_WALLET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A payout batch pays what sellers had available at its cut-off; one batch per cut-off, so running it again pays nothing.
CREATE TABLE payout_batches (
    id             CHAR(36)    CHARACTER SET ascii NOT NULL,
    cutoff         DATETIME(6) NOT NULL,
    payouts        INT         NOT NULL,
    total_vnd      BIGINT      NOT NULL,
    -- the administrator who ran it, NULL for the weekly schedule
    requested_by   CHAR(36)    CHARACTER SET ascii NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payout_batches_cutoff (cutoff),
    CONSTRAINT ck_payout_batches_totals CHECK (payouts >= 0 AND total_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One transfer to one seller in a batch, to the payout account the seller had then.
CREATE TABLE payouts (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    batch_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- the transfer's reference, in its description, e.g. PO-7Q4M2X9P
    reference    VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    amount_vnd   BIGINT       NOT NULL,
    -- what was owed to the platform (cash-on-delivery commission, refunds after payout) and netted in this payout
    netted_vnd   BIGINT       NOT NULL,
    method       VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    institution  VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    account      VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    holder       VARCHAR(100) NULL,
    paid_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payouts_batch_seller (batch_id, seller_id),
    UNIQUE KEY uk_payouts_reference (reference),
    KEY ix_payouts_seller (seller_id),
    CONSTRAINT fk_payouts_batch FOREIGN KEY (batch_id) REFERENCES payout_batches (id),
    CONSTRAINT ck_payouts_amounts CHECK (amount_vnd > 0 AND netted_vnd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Sellers a batch could not pay: something was available but no payout account was known.
CREATE TABLE payout_skips (
    batch_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    amount_vnd  BIGINT      NOT NULL,
    reason      VARCHAR(32) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (batch_id, seller_id),
    CONSTRAINT fk_payout_skips_batch FOREIGN KEY (batch_id) REFERENCES payout_batches (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
