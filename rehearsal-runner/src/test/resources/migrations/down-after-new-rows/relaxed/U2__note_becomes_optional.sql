-- Fails once the new version has written an order without a note.
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
