-- When a line's units went back on sale because its order was cancelled after it was paid or confirmed: a second
-- cancellation finds nothing left to return, and a sale handled after the cancellation finds nothing to sell.
ALTER TABLE reservation_lines ADD COLUMN returned_at DATETIME(6) NULL AFTER committed_at;
