-- Gives the orders the new version wrote without a note one before the old version needs it again.
UPDATE orders SET note = '' WHERE note IS NULL;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
