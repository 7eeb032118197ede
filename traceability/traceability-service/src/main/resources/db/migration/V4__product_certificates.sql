-- The product copy also holds the seller's province (whose officers oversee its lots, labels and scan signals) and the
-- product's OCOP certificate as an officer approved it in catalog: number, stars, last valid day, revoked. Labels and
-- the resolver page show the stars only while the certificate is valid on Vietnam's date.
ALTER TABLE products
    ADD COLUMN seller_province_code CHAR(2)     CHARACTER SET ascii NULL AFTER seller_name,
    ADD COLUMN ocop_certificate     VARCHAR(64) NULL AFTER gtin,
    ADD COLUMN ocop_stars           TINYINT     NULL AFTER ocop_certificate,
    ADD COLUMN ocop_valid_until     DATE        NULL AFTER ocop_stars,
    ADD COLUMN ocop_revoked         BOOLEAN     NOT NULL DEFAULT FALSE AFTER ocop_valid_until,
    ADD KEY ix_products_province (seller_province_code),
    ADD CONSTRAINT ck_products_ocop_stars CHECK (ocop_stars IS NULL OR ocop_stars BETWEEN 1 AND 5);
