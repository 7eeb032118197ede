-- The resolver's scan log and the counterfeit signals evaluated from it. Rows are written in batches by a background
-- worker (never on the request path). No foreign keys to lots: the log also keeps scans of codes never issued, and
-- it must never stop a lot from being corrected or a spec from cleaning up.
--
-- code_key names what was scanned: for one of our lots, its code ("ST25-1") or its code and a serial
-- ("ST25-1|7K3M9Q2ZB4XC", '|' is not a GS1 lot character); for a code we never issued, the Digital Link or short
-- path as scanned ("/01/08931234567897/10/NOPE-1"), clipped to 255 characters.

-- One row per resolution. No IP address is stored; the location is what the phone chose to share, rounded to
-- 0.01 degree (about 1 km); the user agent is clipped.
CREATE TABLE scans (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    scanned_at     DATETIME(6)   NOT NULL,
    code_key       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    outcome        VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    lot_id         CHAR(36)      CHARACTER SET ascii NULL,
    lot_code       VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    serial         VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    representation VARCHAR(8)    CHARACTER SET ascii NOT NULL,
    latitude       DECIMAL(5, 2) NULL,
    longitude      DECIMAL(5, 2) NULL,
    user_agent     VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    KEY ix_scans_code (code_key, scanned_at),
    KEY ix_scans_lot (lot_id, scanned_at),
    KEY ix_scans_time (scanned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How often each of our codes (a lot code, or a lot code and serial) was resolved: the first scan and the count the
-- "scanned too often" rule reads. Batches add to it with INSERT ... ON DUPLICATE KEY UPDATE.
CREATE TABLE scan_counts (
    code_key   VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scans      BIGINT       NOT NULL,
    first_at   DATETIME(6)  NOT NULL,
    last_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (code_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The places (0.01 degree cells) each of our codes was resolved at, with the first and last scan there: the
-- "far apart within a short time" rule compares a batch's places with the code's other recent places.
CREATE TABLE scan_places (
    code_key  VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    latitude  DECIMAL(5, 2) NOT NULL,
    longitude DECIMAL(5, 2) NOT NULL,
    scans     BIGINT        NOT NULL,
    first_at  DATETIME(6)   NOT NULL,
    last_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (code_key, latitude, longitude),
    KEY ix_scan_places_recent (code_key, last_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A counterfeit signal: at most one per code and kind (SERIAL_OVERSCANNED, FAR_APART, NEVER_ISSUED), updated as
-- scans come in. seller_id and province_code are the lot's (its product's seller and the seller's province, else its
-- growing area's province), for sellers and officers; a code never issued has neither (admins see it).
-- For FAR_APART, place A and place B are the two farthest places seen within the window, distance_km between them.
CREATE TABLE scan_signals (
    id            CHAR(36)      CHARACTER SET ascii NOT NULL,
    kind          VARCHAR(20)   CHARACTER SET ascii NOT NULL,
    code_key      VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lot_id        CHAR(36)      CHARACTER SET ascii NULL,
    lot_code      VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    serial        VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    seller_id     CHAR(36)      CHARACTER SET ascii NULL,
    province_code CHAR(2)       CHARACTER SET ascii NULL,
    scan_count    BIGINT        NOT NULL,
    first_seen_at DATETIME(6)   NOT NULL,
    last_seen_at  DATETIME(6)   NOT NULL,
    distance_km   DECIMAL(7, 1) NULL,
    place_a_lat   DECIMAL(5, 2) NULL,
    place_a_lon   DECIMAL(5, 2) NULL,
    place_a_at    DATETIME(6)   NULL,
    place_b_lat   DECIMAL(5, 2) NULL,
    place_b_lon   DECIMAL(5, 2) NULL,
    place_b_at    DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_scan_signals_code (kind, code_key),
    KEY ix_scan_signals_province (province_code, id),
    KEY ix_scan_signals_seller (seller_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
