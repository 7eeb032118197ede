-- EPCIS 2.0 events and the lots' hash chains.
--
-- epcis_events holds every captured event once, as captured (its JSON without insignificant whitespace), with the
-- indexed columns queries need. An event concerns zero or more of our lots (matched by GS1 class-level or
-- Digital Link identifiers, or our /t/{code} URIs); events that concern none of our lots (a partner's upstream
-- events, the GS1 examples) are kept and readable but belong to no chain.
CREATE TABLE epcis_events (
    id                     CHAR(36)      CHARACTER SET ascii NOT NULL,
    event_id               VARCHAR(500)  NOT NULL,
    event_type             VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    event_time             DATETIME(6)   NOT NULL,
    event_time_zone_offset CHAR(6)       CHARACTER SET ascii NOT NULL,
    action                 VARCHAR(8)    CHARACTER SET ascii NULL,
    biz_step               VARCHAR(500)  NULL,
    disposition            VARCHAR(500)  NULL,
    read_point             VARCHAR(500)  NULL,
    biz_location           VARCHAR(500)  NULL,
    body                   MEDIUMTEXT    NOT NULL,
    context                TEXT          NULL,
    content_sha256         CHAR(64)      CHARACTER SET ascii NOT NULL,
    source                 VARCHAR(32)   CHARACTER SET ascii NOT NULL,
    captured_by            CHAR(36)      CHARACTER SET ascii NULL,
    recorded_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_epcis_events_event_id (event_id),
    KEY ix_epcis_events_captured_by (captured_by, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The head of a lot's chain: how many links it has and the hash of the last one (the genesis value when empty).
-- Appending locks this row, so two captures for one lot append one after the other.
CREATE TABLE epcis_lot_chains (
    lot_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    length     INT         NOT NULL,
    head_hash  CHAR(64)    CHARACTER SET ascii NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (lot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A lot's chain: link n is event n of the lot, hash_n = SHA-256(hex(hash_n-1) || JCS(event_n)). The key on
-- (lot_id, position) also makes a fork (two links at one position) impossible.
CREATE TABLE epcis_lot_events (
    lot_id     CHAR(36)    CHARACTER SET ascii NOT NULL,
    position   INT         NOT NULL,
    event_row  CHAR(36)    CHARACTER SET ascii NOT NULL,
    seller_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    event_time DATETIME(6) NOT NULL,
    hash       CHAR(64)    CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (lot_id, position),
    UNIQUE KEY uk_epcis_lot_events_event (lot_id, event_row),
    KEY ix_epcis_lot_events_time (lot_id, event_time),
    KEY ix_epcis_lot_events_row (event_row),
    CONSTRAINT fk_epcis_lot_events_event FOREIGN KEY (event_row) REFERENCES epcis_events (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
