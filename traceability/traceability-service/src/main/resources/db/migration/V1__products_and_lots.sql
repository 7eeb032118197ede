-- Traceability's copy of published catalog products, fed by ProductPublished (newest revision wins).
CREATE TABLE products (
    product_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    revision    BIGINT        NOT NULL,
    seller_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
    seller_name VARCHAR(500)  NOT NULL,
    name        VARCHAR(500)  NOT NULL,
    gtin        VARCHAR(14)   CHARACTER SET ascii NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    KEY ix_products_seller (seller_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lots registered by sellers. The code is a GS1 lot number (AI 10): case-sensitive, hence the binary collation.
CREATE TABLE lots (
    id           CHAR(36)       CHARACTER SET ascii NOT NULL,
    code         VARCHAR(20)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    product_id   CHAR(36)       CHARACTER SET ascii NOT NULL,
    seller_id    CHAR(36)       CHARACTER SET ascii NOT NULL,
    quantity     DECIMAL(14, 3) NOT NULL,
    unit         VARCHAR(16)    NOT NULL,
    harvest_date DATE           NULL,
    created_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lots_code (code),
    KEY ix_lots_product (product_id),
    KEY ix_lots_seller (seller_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
