-- How many times each seller-helper pair's delegation changed (granted, replaced, revoked): DelegationChanged carries
-- it as the snapshot's revision. The pair's row is locked while it changes, so changes of one pair queue up and their
-- revisions follow commit order. Pairs that changed before this table existed start again from 1, which is fine:
-- nothing was published for them (and none of them could hold ORDERS, the scope another service checks).
CREATE TABLE delegation_revisions (
    seller_id CHAR(36) CHARACTER SET ascii NOT NULL,
    helper_id CHAR(36) CHARACTER SET ascii NOT NULL,
    revision  BIGINT   NOT NULL,
    PRIMARY KEY (seller_id, helper_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
