ALTER TABLE orders DROP COLUMN shipped_at;
DROP INDEX orders_state_idx;
