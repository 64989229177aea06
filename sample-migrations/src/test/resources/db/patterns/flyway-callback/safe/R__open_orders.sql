-- The same view as a repeatable migration: Flyway applies it whenever its text changes, and Rehearsal rehearses it
-- (applied twice, as Flyway re-applies it). Keep callbacks for what is not schema.
CREATE OR REPLACE VIEW open_orders AS
SELECT id, account_id, total_cents, placed_at FROM orders WHERE state = 'open';
