-- rehearsal:allow-script MISSING_DOWN this team fixes forward: a failed release is followed by a new migration
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
