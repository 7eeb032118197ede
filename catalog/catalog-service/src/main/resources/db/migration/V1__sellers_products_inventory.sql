-- Sellers (OCOP subjects). The id is the seller's identity account id.
CREATE TABLE sellers (
    id            CHAR(36)     CHARACTER SET ascii NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    seller_type   VARCHAR(32)  CHARACTER SET ascii NOT NULL,
    legal_name    VARCHAR(300) NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    commune_code  CHAR(5)      CHARACTER SET ascii NOT NULL,
    phone         VARCHAR(20)  CHARACTER SET ascii NULL,
    email         VARCHAR(254) NULL,
    status        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    status_reason VARCHAR(500) NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_sellers_province_status (province_code, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who changed a seller's status, when and why.
CREATE TABLE seller_status_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    seller_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    from_status VARCHAR(16)  CHARACTER SET ascii NULL,
    to_status   VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    reason      VARCHAR(500) NULL,
    actor_id    CHAR(36)     CHARACTER SET ascii NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_seller_history (seller_id, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE products (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    name         VARCHAR(200) NOT NULL,
    search_key   VARCHAR(400) CHARACTER SET ascii NOT NULL,
    description  TEXT         NULL,
    gtin         VARCHAR(14)  CHARACTER SET ascii NULL,
    status       VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    revision     BIGINT       NOT NULL,
    published_at DATETIME(6)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_products_seller (seller_id, created_at),
    KEY ix_products_published (status, published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Sellable units with their stock: available to sell, reserved by unpaid checkouts, sold.
CREATE TABLE skus (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    product_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    position     INT          NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    label        VARCHAR(120) NOT NULL,
    unit         VARCHAR(32)  NOT NULL,
    price_vnd    BIGINT       NOT NULL,
    weight_grams INT          NOT NULL,
    available    INT          NOT NULL,
    reserved     INT          NOT NULL,
    sold         INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_skus_product_code (product_id, code),
    CONSTRAINT ck_skus_available CHECK (available >= 0),
    CONSTRAINT ck_skus_reserved CHECK (reserved >= 0),
    CONSTRAINT ck_skus_sold CHECK (sold >= 0),
    CONSTRAINT ck_skus_price CHECK (price_vnd > 0),
    CONSTRAINT ck_skus_weight CHECK (weight_grams > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One reservation per checkout: all its lines or none.
CREATE TABLE reservations (
    id          CHAR(36)    CHARACTER SET ascii NOT NULL,
    checkout_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    status      VARCHAR(16) CHARACTER SET ascii NOT NULL,
    expires_at  DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reservations_checkout (checkout_id),
    KEY ix_reservations_expiry (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Reserved quantity per seller order and SKU (lines of the same SKU summed).
CREATE TABLE reservation_lines (
    reservation_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    order_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    sku_id         CHAR(36)    CHARACTER SET ascii NOT NULL,
    quantity       INT         NOT NULL,
    committed_at   DATETIME(6) NULL,
    PRIMARY KEY (reservation_id, order_id, sku_id),
    CONSTRAINT ck_reservation_lines_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The stock ledger: one row per movement of a SKU's stock, with its reason and what caused it.
CREATE TABLE stock_movements (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    sku_id          CHAR(36)    CHARACTER SET ascii NOT NULL,
    delta_available INT         NOT NULL,
    delta_reserved  INT         NOT NULL,
    delta_sold      INT         NOT NULL,
    reason          VARCHAR(32) CHARACTER SET ascii NOT NULL,
    reference       VARCHAR(64) CHARACTER SET ascii NULL,
    actor_id        CHAR(36)    CHARACTER SET ascii NULL,
    moved_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_stock_movements_sku (sku_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
