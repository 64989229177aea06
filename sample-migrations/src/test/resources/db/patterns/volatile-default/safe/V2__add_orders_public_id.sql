-- The column without a default is a catalog change; the default set afterwards applies to new rows only.
-- Neither statement rewrites the table.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN public_id uuid;
ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
