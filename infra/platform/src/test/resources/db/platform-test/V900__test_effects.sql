-- Effects written by the test handlers, in the handler's transaction.
CREATE TABLE test_effects (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    event_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
    handled_by VARCHAR(100)  NOT NULL,
    note       VARCHAR(200)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
