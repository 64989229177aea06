ALTER TABLE document ADD COLUMN note text;
