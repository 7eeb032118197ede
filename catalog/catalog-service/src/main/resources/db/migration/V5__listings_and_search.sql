-- What a listing tells buyers beyond its name: English name and description, OCOP group and category, where it
-- was made, photos; who suspended it and why.
ALTER TABLE products
    ADD COLUMN name_en             VARCHAR(200) NULL AFTER name,
    ADD COLUMN description_en      TEXT         NULL AFTER description,
    ADD COLUMN ocop_group          VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'FOOD' AFTER description_en,
    ADD COLUMN category            VARCHAR(80)  NULL AFTER ocop_group,
    ADD COLUMN origin_commune_code CHAR(5)      CHARACTER SET ascii NULL AFTER category,
    ADD COLUMN images              TEXT         NULL AFTER origin_commune_code,
    ADD COLUMN suspended_by        VARCHAR(16)  CHARACTER SET ascii NULL AFTER published_at,
    ADD COLUMN status_reason       VARCHAR(500) NULL AFTER suspended_by;

-- The search index: one row per product on sale (published, by a verified seller), kept current in the same
-- transaction as every change that affects it. search_text and name_text hold the folded words ("gạo" -> "gao"),
-- each prefixed with 'w' so that two-letter Vietnamese words ("cá", "mè", "lá") reach InnoDB's minimum token size
-- and none is taken for an English stopword; the queries prefix their words the same way.
CREATE TABLE listings (
    product_id    CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    name          VARCHAR(200) NOT NULL,
    seller_name   VARCHAR(200) NOT NULL,
    image_url     VARCHAR(500) NULL,
    name_text     VARCHAR(600) CHARACTER SET ascii NOT NULL,
    search_text   VARCHAR(2000) CHARACTER SET ascii NOT NULL,
    ocop_group    VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    stars         TINYINT      NULL,
    stars_until   DATE         NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    commune_code  CHAR(5)      CHARACTER SET ascii NOT NULL,
    min_price     BIGINT       NOT NULL,
    max_price     BIGINT       NOT NULL,
    in_stock      BOOLEAN      NOT NULL,
    sold          INT          NOT NULL,
    published_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (product_id),
    FULLTEXT KEY ft_listings_name (name_text),
    FULLTEXT KEY ft_listings_search (search_text),
    KEY ix_listings_newest (published_at, product_id),
    KEY ix_listings_price (min_price, product_id),
    KEY ix_listings_sold (sold, product_id),
    KEY ix_listings_seller (seller_id),
    KEY ix_listings_place (province_code, commune_code),
    KEY ix_listings_group (ocop_group, stars)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
