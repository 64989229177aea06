CREATE UNIQUE INDEX CONCURRENTLY events_payload_key ON events (lower(payload));
