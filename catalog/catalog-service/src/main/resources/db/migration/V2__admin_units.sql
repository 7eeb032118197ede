-- The official administrative units (catalog/catalog-service/src/main/resources/admin-units/), loaded at start-up by
-- AdminUnitsLoader whenever the shipped lists differ from what was loaded (reference_data holds their checksum).

-- Provinces and communes in force since 1 July 2025: two tiers, no districts.
CREATE TABLE provinces (
    code       CHAR(2)      CHARACTER SET ascii NOT NULL,
    name       VARCHAR(100) NOT NULL,
    search_key VARCHAR(100) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE communes (
    code          CHAR(5)      CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    name          VARCHAR(100) NOT NULL,
    search_key    VARCHAR(100) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (code),
    KEY ix_communes_province (province_code, search_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The three-tier units in force until 30 June 2025 (province, district, commune), kept for records issued before
-- the reform (certificates, growing-area codes) and for reports by former district.
CREATE TABLE legacy_districts (
    code          CHAR(3)      CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    name          VARCHAR(100) NOT NULL,
    province_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (code),
    KEY ix_legacy_districts_province (province_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE legacy_communes (
    code          CHAR(5)      CHARACTER SET ascii NOT NULL,
    district_code CHAR(3)      CHARACTER SET ascii NOT NULL,
    name          VARCHAR(120) NOT NULL,
    PRIMARY KEY (code),
    KEY ix_legacy_communes_district (district_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which former communes a current commune was formed from; a former commune split between several current ones
-- appears once per successor, with whole = FALSE.
CREATE TABLE commune_predecessors (
    commune_code        CHAR(5)      CHARACTER SET ascii NOT NULL,
    legacy_commune_code CHAR(5)      CHARACTER SET ascii NOT NULL,
    whole               BOOLEAN      NOT NULL,
    note                VARCHAR(200) NOT NULL,
    PRIMARY KEY (commune_code, legacy_commune_code),
    KEY ix_commune_predecessors_legacy (legacy_commune_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which version of a shipped reference list is loaded.
CREATE TABLE reference_data (
    name      VARCHAR(64) CHARACTER SET ascii NOT NULL,
    checksum  CHAR(64)    CHARACTER SET ascii NULL,
    row_count INT         NOT NULL,
    loaded_at DATETIME(6) NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO reference_data (name, checksum, row_count, loaded_at) VALUES ('admin-units', NULL, 0, NULL);
