-- Growing areas ("vùng trồng") with their households, certificates and farming diary; lots linked to them, with
-- status and the quantity still available; transformations (paddy milled into rice), packings and serialised units.
-- EPCIS events, hash chains, scan logs and recalls hang off growing_areas.id, lots.id, transformations.id,
-- lot_packings.id and lot_serials.serial.

-- Traceability's copy of the official post-July-2025 communes, fed by catalog's AdminUnitsPublished: where a growing
-- area may lie, and which province's officers verify it.
CREATE TABLE communes (
    code          CHAR(5)      CHARACTER SET ascii NOT NULL,
    province_code CHAR(2)      CHARACTER SET ascii NOT NULL,
    name          VARCHAR(120) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE admin_units_edition (
    id        TINYINT     NOT NULL,
    sha256    CHAR(64)    CHARACTER SET ascii NOT NULL,
    loaded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A growing area as its seller or cooperative declared it. The code is stored as given; two spellings differing only
-- in case are the same official code (ascii_general_ci). The boundary is GeoJSON (Polygon or MultiPolygon, WGS 84);
-- computed_area_ha is its geodesic area, area_mismatch whether it differs from the declared area beyond the
-- tolerance configured when it was computed.
CREATE TABLE growing_areas (
    id                  CHAR(36)       CHARACTER SET ascii NOT NULL,
    code                VARCHAR(40)    CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    seller_id           CHAR(36)       CHARACTER SET ascii NOT NULL,
    crop                VARCHAR(100)   NOT NULL,
    declared_area_ha    DECIMAL(12, 4) NOT NULL,
    computed_area_ha    DECIMAL(12, 4) NOT NULL,
    area_mismatch       BOOLEAN        NOT NULL,
    commune_code        CHAR(5)        CHARACTER SET ascii NOT NULL,
    province_code       CHAR(2)        CHARACTER SET ascii NOT NULL,
    legacy_commune_code CHAR(5)        CHARACTER SET ascii NULL,
    boundary            MEDIUMTEXT     NOT NULL,
    status              VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    rejection_reason    VARCHAR(500)   NULL,
    decided_by          CHAR(36)       CHARACTER SET ascii NULL,
    decided_at          DATETIME(6)    NULL,
    created_at          DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_growing_areas_code (code),
    KEY ix_growing_areas_seller (seller_id, created_at, id),
    KEY ix_growing_areas_province (province_code, status),
    CONSTRAINT ck_growing_areas_declared CHECK (declared_area_ha > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The households farming an area: its representative (position 0) and the members.
CREATE TABLE growing_area_households (
    area_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
    position       SMALLINT     NOT NULL,
    name           VARCHAR(200) NOT NULL,
    phone          VARCHAR(20)  CHARACTER SET ascii NULL,
    representative BOOLEAN      NOT NULL,
    PRIMARY KEY (area_id, position),
    CONSTRAINT fk_households_area FOREIGN KEY (area_id) REFERENCES growing_areas (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- VietGAP / GlobalGAP certificates of an area; shown as expired after valid_until (Vietnam's date).
CREATE TABLE growing_area_certificates (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    area_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    scheme      VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    number      VARCHAR(64)  NOT NULL,
    issuer      VARCHAR(200) NOT NULL,
    valid_until DATE         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_certificates_number (area_id, scheme, number),
    CONSTRAINT fk_certificates_area FOREIGN KEY (area_id) REFERENCES growing_areas (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The farming diary ("nhật ký canh tác"): what was done on which day, and the inputs used (fertiliser, pesticide).
CREATE TABLE farming_diary_entries (
    id         CHAR(36)      CHARACTER SET ascii NOT NULL,
    area_id    CHAR(36)      CHARACTER SET ascii NOT NULL,
    entry_date DATE          NOT NULL,
    activity   VARCHAR(200)  NOT NULL,
    note       VARCHAR(1000) NULL,
    created_by CHAR(36)      CHARACTER SET ascii NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_diary_area (area_id, entry_date, id),
    CONSTRAINT fk_diary_area FOREIGN KEY (area_id) REFERENCES growing_areas (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE farming_diary_inputs (
    entry_id CHAR(36)       CHARACTER SET ascii NOT NULL,
    position SMALLINT       NOT NULL,
    name     VARCHAR(200)   NOT NULL,
    quantity DECIMAL(14, 3) NOT NULL,
    unit     VARCHAR(16)    NOT NULL,
    PRIMARY KEY (entry_id, position),
    CONSTRAINT fk_diary_inputs_entry FOREIGN KEY (entry_id) REFERENCES farming_diary_entries (id),
    CONSTRAINT ck_diary_inputs_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Lots: the growing area they came from (none for processed goods), their status (ACTIVE, DEPLETED; RECALLED is
-- reserved for the recall feature) and the quantity not yet packed or transformed, which never goes below zero.
ALTER TABLE lots
    ADD COLUMN growing_area_id    CHAR(36)       CHARACTER SET ascii NULL AFTER seller_id,
    ADD COLUMN status             VARCHAR(16)    CHARACTER SET ascii NOT NULL DEFAULT 'ACTIVE' AFTER harvest_date,
    ADD COLUMN remaining_quantity DECIMAL(14, 3) NULL AFTER quantity;
UPDATE lots SET remaining_quantity = quantity;
ALTER TABLE lots
    MODIFY COLUMN remaining_quantity DECIMAL(14, 3) NOT NULL,
    ADD KEY ix_lots_growing_area (growing_area_id),
    ADD CONSTRAINT fk_lots_growing_area FOREIGN KEY (growing_area_id) REFERENCES growing_areas (id),
    ADD CONSTRAINT ck_lots_quantity CHECK (quantity > 0),
    ADD CONSTRAINT ck_lots_remaining CHECK (remaining_quantity >= 0 AND remaining_quantity <= quantity);

-- A transformation (e.g. milling): input lots consumed, output lots registered, at a stated yield
-- (sum of outputs <= sum of inputs x yield, all in one unit).
CREATE TABLE transformations (
    id          CHAR(36)      CHARACTER SET ascii NOT NULL,
    seller_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
    process     VARCHAR(100)  NOT NULL,
    yield_ratio DECIMAL(5, 4) NOT NULL,
    unit        VARCHAR(16)   NOT NULL,
    occurred_on DATE          NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_transformations_seller (seller_id, created_at),
    CONSTRAINT ck_transformations_yield CHECK (yield_ratio > 0 AND yield_ratio <= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transformation_inputs (
    transformation_id CHAR(36)       CHARACTER SET ascii NOT NULL,
    lot_id            CHAR(36)       CHARACTER SET ascii NOT NULL,
    quantity          DECIMAL(14, 3) NOT NULL,
    PRIMARY KEY (transformation_id, lot_id),
    KEY ix_transformation_inputs_lot (lot_id),
    CONSTRAINT fk_transformation_inputs_transformation FOREIGN KEY (transformation_id) REFERENCES transformations (id),
    CONSTRAINT fk_transformation_inputs_lot FOREIGN KEY (lot_id) REFERENCES lots (id),
    CONSTRAINT ck_transformation_inputs_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transformation_outputs (
    transformation_id CHAR(36) CHARACTER SET ascii NOT NULL,
    lot_id            CHAR(36) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (transformation_id, lot_id),
    UNIQUE KEY uk_transformation_outputs_lot (lot_id),
    CONSTRAINT fk_transformation_outputs_transformation FOREIGN KEY (transformation_id) REFERENCES transformations (id),
    CONSTRAINT fk_transformation_outputs_lot FOREIGN KEY (lot_id) REFERENCES lots (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Packing part of a lot into units: unit_count units of unit_size (in the lot's unit) each.
CREATE TABLE lot_packings (
    id         CHAR(36)       CHARACTER SET ascii NOT NULL,
    lot_id     CHAR(36)       CHARACTER SET ascii NOT NULL,
    unit_count INT            NOT NULL,
    unit_size  DECIMAL(14, 3) NOT NULL,
    packaging  VARCHAR(50)    NOT NULL,
    created_at DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_lot_packings_lot (lot_id, created_at),
    CONSTRAINT fk_lot_packings_lot FOREIGN KEY (lot_id) REFERENCES lots (id),
    CONSTRAINT ck_lot_packings_count CHECK (unit_count > 0),
    CONSTRAINT ck_lot_packings_size CHECK (unit_size > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Serial numbers for the labels of packed units (GS1 AI 21 with the lot's GTIN): random, unique, numbered 1.. per lot.
CREATE TABLE lot_serials (
    serial     VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lot_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    packing_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    ordinal    INT         NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (serial),
    UNIQUE KEY uk_lot_serials_ordinal (lot_id, ordinal),
    KEY ix_lot_serials_packing (packing_id),
    CONSTRAINT fk_lot_serials_lot FOREIGN KEY (lot_id) REFERENCES lots (id),
    CONSTRAINT fk_lot_serials_packing FOREIGN KEY (packing_id) REFERENCES lot_packings (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
