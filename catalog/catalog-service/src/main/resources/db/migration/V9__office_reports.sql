-- The trade office's read models, folded from orders', payments' and traceability's events (see the report package).
-- Every row is written by an idempotent projection, so they can all be emptied and rebuilt by replaying the streams.
-- Months and days are those of Asia/Ho_Chi_Minh; places, seller type, stars and group are snapshots taken at the sale.

-- One row per seller order once it is sold (paid, or confirmed for cash on delivery); cancelled_at marks a sale undone.
CREATE TABLE report_orders (
    order_id             CHAR(36)    CHARACTER SET ascii NOT NULL,
    checkout_id          CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id            CHAR(36)    CHARACTER SET ascii NOT NULL,
    province_code        CHAR(2)     CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)     CHARACTER SET ascii NOT NULL,
    legacy_district_code CHAR(3)     CHARACTER SET ascii NULL,
    seller_type          VARCHAR(32) CHARACTER SET ascii NOT NULL,
    payment_method       VARCHAR(16) CHARACTER SET ascii NOT NULL,
    month                DATE        NOT NULL,
    units                INT         NOT NULL,
    goods_vnd            BIGINT      NOT NULL,
    total_vnd            BIGINT      NOT NULL,
    sold_at              DATETIME(6) NOT NULL,
    shipped_at           DATETIME(6) NULL,
    cancelled_at         DATETIME(6) NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a sold order held, by product (lines of the same product summed).
CREATE TABLE report_order_lines (
    order_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    product_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    certificate_id CHAR(36)    CHARACTER SET ascii NULL,
    stars          TINYINT     NULL,
    ocop_group     VARCHAR(16) CHARACTER SET ascii NOT NULL,
    units          INT         NOT NULL,
    goods_vnd      BIGINT      NOT NULL,
    PRIMARY KEY (order_id, product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Net sales per month, seller and payment method: what the sales, payment-mix and commune reports add up.
CREATE TABLE report_seller_months (
    month                DATE        NOT NULL,
    seller_id            CHAR(36)    CHARACTER SET ascii NOT NULL,
    payment_method       VARCHAR(16) CHARACTER SET ascii NOT NULL,
    province_code        CHAR(2)     CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)     CHARACTER SET ascii NOT NULL,
    legacy_district_code CHAR(3)     CHARACTER SET ascii NULL,
    seller_type          VARCHAR(32) CHARACTER SET ascii NOT NULL,
    orders               INT         NOT NULL,
    units                INT         NOT NULL,
    goods_vnd            BIGINT      NOT NULL,
    total_vnd            BIGINT      NOT NULL,
    PRIMARY KEY (month, seller_id, payment_method),
    KEY ix_report_seller_months_place (province_code, month, commune_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Net sales per month and product (orders = orders holding the product).
CREATE TABLE report_product_months (
    month                DATE        NOT NULL,
    product_id           CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id            CHAR(36)    CHARACTER SET ascii NOT NULL,
    province_code        CHAR(2)     CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)     CHARACTER SET ascii NOT NULL,
    legacy_district_code CHAR(3)     CHARACTER SET ascii NULL,
    seller_type          VARCHAR(32) CHARACTER SET ascii NOT NULL,
    stars                TINYINT     NULL,
    ocop_group           VARCHAR(16) CHARACTER SET ascii NOT NULL,
    orders               INT         NOT NULL,
    units                INT         NOT NULL,
    goods_vnd            BIGINT      NOT NULL,
    PRIMARY KEY (month, product_id),
    KEY ix_report_product_months_place (province_code, month, commune_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Shipped units by the lot the seller named (lot_code '' when none); traced once the lot is known to traceability.
CREATE TABLE report_shipped_units (
    order_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    product_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    lot_code   VARCHAR(40) CHARACTER SET ascii NOT NULL,
    units      INT         NOT NULL,
    traced     BOOLEAN     NOT NULL,
    PRIMARY KEY (order_id, product_id, lot_code),
    KEY ix_report_shipped_units_lot (lot_code, traced)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Shipped and traced units per month of sale and seller.
CREATE TABLE report_trace_months (
    month                DATE        NOT NULL,
    seller_id            CHAR(36)    CHARACTER SET ascii NOT NULL,
    province_code        CHAR(2)     CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)     CHARACTER SET ascii NOT NULL,
    legacy_district_code CHAR(3)     CHARACTER SET ascii NULL,
    seller_type          VARCHAR(32) CHARACTER SET ascii NOT NULL,
    shipped_units        INT         NOT NULL,
    traced_units         INT         NOT NULL,
    PRIMARY KEY (month, seller_id),
    KEY ix_report_trace_months_place (province_code, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lots as traceability announces them, with their labels and recall.
CREATE TABLE report_lots (
    lot_id         CHAR(36)     CHARACTER SET ascii NOT NULL,
    lot_code       VARCHAR(40)  CHARACTER SET ascii NOT NULL,
    product_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    province_code  CHAR(2)      CHARACTER SET ascii NULL,
    commune_code   CHAR(5)      CHARACTER SET ascii NULL,
    registered_at  DATETIME(6)  NULL,
    labels         INT          NOT NULL,
    labelled_at    DATETIME(6)  NULL,
    recalled_at    DATETIME(6)  NULL,
    recall_reason  VARCHAR(500) NULL,
    cause_lot_code VARCHAR(40)  CHARACTER SET ascii NULL,
    PRIMARY KEY (lot_id),
    UNIQUE KEY uk_report_lots_code (lot_code),
    KEY ix_report_lots_place (province_code, registered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each label sheet printed (by its event id, so a replay counts it once).
CREATE TABLE report_label_prints (
    event_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    lot_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    labels     INT         NOT NULL,
    serials    BOOLEAN     NOT NULL,
    printed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Counterfeit signals raised on scans.
CREATE TABLE report_scan_flags (
    signal_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    kind          VARCHAR(24)  CHARACTER SET ascii NOT NULL,
    code_key      VARCHAR(300) CHARACTER SET ascii NOT NULL,
    lot_code      VARCHAR(40)  CHARACTER SET ascii NULL,
    seller_id     CHAR(36)     CHARACTER SET ascii NULL,
    province_code CHAR(2)      CHARACTER SET ascii NULL,
    flagged_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (signal_id),
    KEY ix_report_scan_flags_place (province_code, flagged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refunds that reached buyers.
CREATE TABLE report_refunds (
    refund_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    checkout_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    order_id       CHAR(36)    CHARACTER SET ascii NULL,
    payment_method VARCHAR(16) CHARACTER SET ascii NOT NULL,
    amount_vnd     BIGINT      NOT NULL,
    completed_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (refund_id),
    KEY ix_report_refunds_checkout (checkout_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- OCOP coverage as it stood each day (taken by CoverageHistory), by place, stars and group.
CREATE TABLE report_coverage_days (
    day                  DATE        NOT NULL,
    province_code        CHAR(2)     CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)     CHARACTER SET ascii NOT NULL,
    legacy_district_code CHAR(3)     CHARACTER SET ascii NOT NULL,
    stars                TINYINT     NOT NULL,
    ocop_group           VARCHAR(16) CHARACTER SET ascii NOT NULL,
    certified            INT         NOT NULL,
    online               INT         NOT NULL,
    PRIMARY KEY (day, province_code, commune_code, legacy_district_code, stars, ocop_group)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
