-- A Flyway callback: Flyway runs it after every migrate, so production gets this view. Rehearsal runs migrations,
-- not callbacks: the view is never rehearsed, and the schema Flyway produces differs from the rehearsed one.
CREATE OR REPLACE VIEW open_orders AS
SELECT id, account_id, total_cents, placed_at FROM orders WHERE state = 'open';
