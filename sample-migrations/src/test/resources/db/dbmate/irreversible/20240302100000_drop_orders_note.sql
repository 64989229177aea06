-- A down section of comments only undoes nothing either: the notes are gone with the column.
-- migrate:up
ALTER TABLE orders DROP COLUMN note;

-- migrate:down
-- the notes cannot come back
