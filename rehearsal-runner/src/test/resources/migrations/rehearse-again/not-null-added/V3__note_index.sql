CREATE INDEX executions_note_idx ON executions (note);
