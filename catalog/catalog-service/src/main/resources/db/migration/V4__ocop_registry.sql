-- The OCOP registry: certified products as the trade office publishes them, imported from its CSV list.
CREATE TABLE ocop_certificates (
    id                   CHAR(36)     CHARACTER SET ascii NOT NULL,
    number               VARCHAR(64)  NOT NULL,
    product_name         VARCHAR(300) NOT NULL,
    subject_name         VARCHAR(300) NOT NULL,
    subject_code         VARCHAR(20)  CHARACTER SET ascii NULL,
    stars                TINYINT      NOT NULL,
    ocop_group           VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    issuing_level        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    issued_on            DATE         NOT NULL,
    expires_on           DATE         NOT NULL,
    province_code        CHAR(2)      CHARACTER SET ascii NOT NULL,
    commune_code         CHAR(5)      CHARACTER SET ascii NULL,
    legacy_district_code CHAR(3)      CHARACTER SET ascii NULL,
    status               VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ocop_certificates_number (number),
    KEY ix_ocop_certificates_province (province_code, expires_on),
    CONSTRAINT ck_ocop_certificates_stars CHECK (stars BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each import of the list: who, which file, what came of it.
CREATE TABLE registry_imports (
    id            CHAR(36)     CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NULL,
    file_name     VARCHAR(255) NULL,
    sha256        CHAR(64)     CHARACTER SET ascii NOT NULL,
    actor_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    row_count     INT          NOT NULL,
    created_count INT          NOT NULL,
    updated_count INT          NOT NULL,
    error_count   INT          NOT NULL,
    imported_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_registry_imports_at (imported_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A product's link to its certificate: the seller claims, an officer of the certificate's province approves.
ALTER TABLE products
    ADD COLUMN certificate_id     CHAR(36)     CHARACTER SET ascii NULL AFTER gtin,
    ADD COLUMN certificate_status VARCHAR(16)  CHARACTER SET ascii NULL AFTER certificate_id,
    ADD COLUMN certificate_note   VARCHAR(500) NULL AFTER certificate_status,
    ADD KEY ix_products_certificate (certificate_id, certificate_status);
