-- Platform tables, created in every service's database by the service's own Flyway run
-- (locations: classpath:db/migration, classpath:db/platform; out-of-order allowed for later platform migrations).

-- Transactional outbox: rows are written in the same transaction as the state change they announce,
-- and appended to the service's stream by the relay after commit.
CREATE TABLE outbox (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id     CHAR(36)      CHARACTER SET ascii NOT NULL,
    event_type   VARCHAR(100)  CHARACTER SET ascii NOT NULL,
    aggregate_id VARCHAR(100)  NOT NULL,
    envelope     MEDIUMTEXT    NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    sent_at      DATETIME(6)   NULL,
    stream_id    VARCHAR(40)   CHARACTER SET ascii NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_outbox_event (event_id),
    KEY ix_outbox_pending (sent_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotent consumers: one row per (consumer group, event) handled, written with the handler's effects.
CREATE TABLE inbox (
    consumer      VARCHAR(64)   CHARACTER SET ascii NOT NULL,
    event_id      CHAR(36)      CHARACTER SET ascii NOT NULL,
    event_type    VARCHAR(100)  CHARACTER SET ascii NOT NULL,
    source_stream VARCHAR(100)  CHARACTER SET ascii NOT NULL,
    handled_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY ix_inbox_handled (handled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency-Key of HTTP writes that create money or stock effects: the first response, kept for replays.
CREATE TABLE idempotency_keys (
    scope           VARCHAR(100)  CHARACTER SET ascii NOT NULL,
    idem_key        VARCHAR(255)  CHARACTER SET ascii NOT NULL,
    request_hash    CHAR(64)      CHARACTER SET ascii NOT NULL,
    response_status SMALLINT      NULL,
    response_body   MEDIUMTEXT    NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
