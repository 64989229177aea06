-- Instant once it has its AccessExclusiveLock. But while it waits for the lock behind a long report query,
-- every later query on orders queues behind it - for as long as the report runs.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
