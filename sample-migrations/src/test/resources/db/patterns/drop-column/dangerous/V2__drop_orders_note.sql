-- Notes move to a separate service; the column goes. App v1 still lists orders with their note.
ALTER TABLE orders DROP COLUMN note;
