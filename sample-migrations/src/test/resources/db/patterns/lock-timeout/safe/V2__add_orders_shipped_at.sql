-- Give up after 2 s instead of queueing everything behind the lock request; the deploy retries later.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
