-- What orders knows of the catalogue: published SKUs with their price and seller, kept from ProductPublished.
CREATE TABLE catalog_skus (
    sku_id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    product_id       CHAR(36)     CHARACTER SET ascii NOT NULL,
    product_revision BIGINT       NOT NULL,
    seller_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_name      VARCHAR(200) NOT NULL,
    product_name     VARCHAR(200) NOT NULL,
    label            VARCHAR(120) NOT NULL,
    unit             VARCHAR(32)  NOT NULL,
    price_vnd        BIGINT       NOT NULL,
    weight_grams     INT          NOT NULL,
    available        BOOLEAN      NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (sku_id),
    KEY ix_catalog_skus_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A buyer's checkout: one payment for one or more seller orders.
CREATE TABLE checkouts (
    id                     CHAR(36)     CHARACTER SET ascii NOT NULL,
    number                 VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    buyer_id               CHAR(36)     CHARACTER SET ascii NOT NULL,
    status                 VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    payment_method         VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    subtotal_vnd           BIGINT       NOT NULL,
    shipping_vnd           BIGINT       NOT NULL,
    total_vnd              BIGINT       NOT NULL,
    recipient_name         VARCHAR(120) NOT NULL,
    recipient_phone        VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    street                 VARCHAR(300) NOT NULL,
    commune_code           CHAR(5)      CHARACTER SET ascii NOT NULL,
    province_code          CHAR(2)      CHARACTER SET ascii NOT NULL,
    buyer_ip               VARCHAR(45)  CHARACTER SET ascii NULL,
    pay_before             DATETIME(6)  NULL,
    payment_session_id     CHAR(36)     CHARACTER SET ascii NULL,
    payment_action_kind    VARCHAR(16)  CHARACTER SET ascii NULL,
    payment_url            VARCHAR(2048) CHARACTER SET ascii NULL,
    payment_qr             VARCHAR(512) NULL,
    payment_failure        VARCHAR(300) NULL,
    rejection_reason       VARCHAR(1000) NULL,
    paid_at                DATETIME(6)  NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    version                BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_checkouts_number (number),
    KEY ix_checkouts_buyer (buyer_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One seller's part of a checkout.
CREATE TABLE orders (
    id             CHAR(36)    CHARACTER SET ascii NOT NULL,
    checkout_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    number         VARCHAR(24) CHARACTER SET ascii NOT NULL,
    seller_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    status         VARCHAR(20) CHARACTER SET ascii NOT NULL,
    subtotal_vnd   BIGINT      NOT NULL,
    shipping_vnd   BIGINT      NOT NULL,
    total_vnd      BIGINT      NOT NULL,
    weight_grams   INT         NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    version        BIGINT      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_orders_number (number),
    KEY ix_orders_checkout (checkout_id),
    KEY ix_orders_seller (seller_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_lines (
    order_id       CHAR(36)     CHARACTER SET ascii NOT NULL,
    line_no        INT          NOT NULL,
    sku_id         CHAR(36)     CHARACTER SET ascii NOT NULL,
    product_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    product_name   VARCHAR(200) NOT NULL,
    sku_label      VARCHAR(120) NOT NULL,
    quantity       INT          NOT NULL,
    unit_price_vnd BIGINT       NOT NULL,
    line_total_vnd BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every status change of a checkout, with what caused it.
CREATE TABLE checkout_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    checkout_id CHAR(36)     CHARACTER SET ascii NOT NULL,
    from_status VARCHAR(20)  CHARACTER SET ascii NULL,
    to_status   VARCHAR(20)  CHARACTER SET ascii NOT NULL,
    cause       VARCHAR(100) NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_checkout_history (checkout_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
