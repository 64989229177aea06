-- A concurrent index build next to an ordinary change. CREATE INDEX CONCURRENTLY cannot run in a transaction, so the
-- whole script runs without one: Flyway refuses it (unless mixed=true), and a failure half-way leaves it half applied.
CREATE INDEX CONCURRENTLY orders_state_idx ON orders (state);
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
