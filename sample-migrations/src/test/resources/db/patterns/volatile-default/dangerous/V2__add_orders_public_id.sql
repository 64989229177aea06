-- Orders get a public identifier for links in e-mails. A volatile default needs a value per existing row:
-- PostgreSQL rewrites the whole table under an AccessExclusiveLock.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
