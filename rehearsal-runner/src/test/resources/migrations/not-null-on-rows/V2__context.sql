-- Passes on an empty database.
ALTER TABLE versions ADD context_id uuid NOT NULL;
