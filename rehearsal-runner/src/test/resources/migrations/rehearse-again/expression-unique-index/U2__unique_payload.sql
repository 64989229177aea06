DROP INDEX CONCURRENTLY events_payload_key;
