-- The migration ships a row of its own (literal values; its code copied from the smallest one there), written after
-- the generated rows, so it stands after the generated row it collides with.
INSERT INTO accounts (id, code) VALUES (-1, (SELECT min(code) FROM accounts));
