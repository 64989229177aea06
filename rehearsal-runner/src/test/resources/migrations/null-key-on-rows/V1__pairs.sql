CREATE TABLE pairs (a int, b int, note text);
-- The application's own rows, some without b: the key in V2 cannot hold them.
INSERT INTO pairs SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE g END, 'n' FROM generate_series(1, 50) AS g;
