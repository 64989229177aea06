CREATE TABLE events (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text);
-- Rows the application wrote, one of them not JSON.
INSERT INTO events (payload) VALUES ('{"kind": "created"}'), ('created');
