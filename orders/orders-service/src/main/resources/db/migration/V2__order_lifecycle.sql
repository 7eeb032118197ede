-- The order lifecycle after checkout: each seller order moves on its own (paid, shipped, delivered, completed,
-- cancelled, refunded); a checkout may be cancelled (expired or by its buyer) or end refunded.

ALTER TABLE checkouts
    ADD COLUMN cancel_reason VARCHAR(300) NULL AFTER rejection_reason,
    ADD COLUMN cancelled_at  DATETIME(6)  NULL AFTER paid_at,
    ADD KEY ix_checkouts_due (status, pay_before);

-- Who sells what where: officers of the seller's province oversee its orders.
ALTER TABLE catalog_skus
    ADD COLUMN seller_province_code CHAR(2) CHARACTER SET ascii NULL AFTER seller_name;

ALTER TABLE orders
    ADD COLUMN buyer_id             CHAR(36)     CHARACTER SET ascii NULL AFTER checkout_id,
    ADD COLUMN seller_name          VARCHAR(200) NULL AFTER seller_id,
    ADD COLUMN seller_province_code CHAR(2)      CHARACTER SET ascii NULL AFTER seller_name,
    ADD COLUMN payment_method       VARCHAR(16)  CHARACTER SET ascii NULL AFTER seller_province_code,
    ADD COLUMN carrier              VARCHAR(60)  NULL AFTER weight_grams,
    ADD COLUMN tracking_number      VARCHAR(60)  NULL AFTER carrier,
    ADD COLUMN paid_at              DATETIME(6)  NULL AFTER tracking_number,
    ADD COLUMN shipped_at           DATETIME(6)  NULL AFTER paid_at,
    ADD COLUMN delivered_at         DATETIME(6)  NULL AFTER shipped_at,
    ADD COLUMN completed_at         DATETIME(6)  NULL AFTER delivered_at,
    ADD COLUMN cancelled_at         DATETIME(6)  NULL AFTER completed_at,
    ADD COLUMN cancelled_by         VARCHAR(10)  CHARACTER SET ascii NULL AFTER cancelled_at,
    ADD COLUMN cancel_reason        VARCHAR(300) NULL AFTER cancelled_by,
    ADD COLUMN refund_vnd           BIGINT       NOT NULL DEFAULT 0 AFTER cancel_reason,
    ADD KEY ix_orders_buyer (buyer_id, created_at),
    ADD KEY ix_orders_province (seller_province_code, created_at),
    ADD KEY ix_orders_due (status, updated_at);

-- Orders placed before: their buyer, payment method and payment time from the checkout, the seller's name from the
-- catalogue copy (one grouped pass over it, not a lookup per order).
UPDATE orders o
    JOIN checkouts c ON c.id = o.checkout_id
    LEFT JOIN (SELECT seller_id, MAX(seller_name) AS seller_name FROM catalog_skus GROUP BY seller_id) s
        ON s.seller_id = o.seller_id
SET o.buyer_id = c.buyer_id, o.payment_method = c.payment_method, o.paid_at = c.paid_at,
    o.seller_name = COALESCE(s.seller_name, '');

ALTER TABLE orders
    MODIFY buyer_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    MODIFY seller_name    VARCHAR(200) NOT NULL,
    MODIFY payment_method VARCHAR(16) CHARACTER SET ascii NOT NULL;

-- The lot each shipped line came from.
ALTER TABLE order_lines
    ADD COLUMN lot_code VARCHAR(40) NULL AFTER line_total_vnd;

-- Every status change of a seller order, with who caused it.
CREATE TABLE order_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    order_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    from_status VARCHAR(20)  CHARACTER SET ascii NULL,
    to_status   VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    cause       VARCHAR(300) NOT NULL,
    actor_id    CHAR(36)     CHARACTER SET ascii NULL,
    actor_role  VARCHAR(10)  CHARACTER SET ascii NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_order_history (order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What orders knows of traceability: the lots registered for each product (a shipped line names one of them).
CREATE TABLE product_lots (
    product_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    lot_code   VARCHAR(40) NOT NULL,
    seller_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    PRIMARY KEY (product_id, lot_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What orders knows of catalog's helpers: the latest delegation of each seller-helper pair.
CREATE TABLE delegations (
    seller_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    helper_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    orders      BOOLEAN     NOT NULL,
    valid_until DATETIME(6) NULL,
    revision    BIGINT      NOT NULL,
    PRIMARY KEY (seller_id, helper_id),
    KEY ix_delegations_helper (helper_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What orders knows of catalog's administrative units: the post-2025 communes a parcel can be shipped to.
CREATE TABLE communes (
    code          CHAR(5)      CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    name          VARCHAR(120) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE admin_units_edition (
    id         TINYINT     NOT NULL,
    sha256     CHAR(64)    CHARACTER SET ascii NOT NULL,
    loaded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
