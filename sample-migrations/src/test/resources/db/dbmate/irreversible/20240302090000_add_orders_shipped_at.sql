-- The down section is there, as dbmate requires, but empty: a rollback of this release cannot remove the column.
-- migrate:up
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;

-- migrate:down
