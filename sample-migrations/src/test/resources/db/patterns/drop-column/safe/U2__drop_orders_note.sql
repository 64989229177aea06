-- The column comes back empty (the notes are gone) and at the end of the table.
ALTER TABLE orders ADD COLUMN note text;
