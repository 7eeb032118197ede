-- Refunds an administrator asked for (POST /api/v1/admin/payments/refunds): who asked. NULL for refunds orders asked for
-- (RefundRequested) and for excess bank transfers, so that the reconciliation view tells the causes apart.
ALTER TABLE refunds ADD COLUMN requested_by CHAR(36) CHARACTER SET ascii NULL AFTER reason;

-- The reconciliation view: refunds by state and window, provider answers by code and window, and whether a refund is
-- one recorded for a bank transfer's excess.
CREATE INDEX ix_refunds_state_requested ON refunds (state, requested_at);
CREATE INDEX ix_provider_notifications_answer ON provider_notifications (provider, answer_code, received_at);
CREATE INDEX ix_bank_transfers_refund ON bank_transfers (refund_id);
-- an administrator's refund for one seller order fits within what that order has left
CREATE INDEX ix_refunds_order ON refunds (order_id);
