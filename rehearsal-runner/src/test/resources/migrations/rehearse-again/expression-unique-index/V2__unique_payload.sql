CREATE UNIQUE INDEX CONCURRENTLY events_payload_key ON events (left(payload, 3));
