-- Recalls of lots, and the orders that shipped each lot (from orders' OrderShipped) so that buyers can be contacted.
-- No foreign keys to lots, like the EPCIS and scan tables: lots are never deleted in production, and these tables must
-- not stop specs from cleaning up.

-- A recalled lot: once (the primary key makes a second recall impossible). A lot made from a recalled lot (through
-- transformations, transitively) is recalled with it: cause_lot_* then names the lot whose recall caused it.
CREATE TABLE lot_recalls (
    lot_id          CHAR(36)      CHARACTER SET ascii NOT NULL,
    lot_code        VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    cause_lot_id    CHAR(36)      CHARACTER SET ascii NULL,
    cause_lot_code  VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    previous_status VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    recalled_by     CHAR(36)      CHARACTER SET ascii NOT NULL,
    recalled_as     VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    event_id        VARCHAR(100)  NOT NULL,
    recalled_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (lot_id),
    KEY ix_lot_recalls_cause (cause_lot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Units of a lot an order shipped: one row per order and lot (an OrderShipped delivered twice writes it once).
CREATE TABLE lot_shipments (
    lot_id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    order_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
    order_number    VARCHAR(40)  NOT NULL,
    checkout_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    seller_id       CHAR(36)     CHARACTER SET ascii NOT NULL,
    units           INT          NOT NULL,
    carrier         VARCHAR(100) NOT NULL,
    tracking_number VARCHAR(100) NOT NULL,
    shipped_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (lot_id, order_id),
    KEY ix_lot_shipments_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
