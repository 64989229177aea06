-- Mixed: Flyway refuses it unless mixed=true.
ALTER TABLE people ADD COLUMN seen_at timestamptz;
CREATE INDEX CONCURRENTLY people_feeling ON people (feeling);
