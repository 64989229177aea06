-- The marked addresses stay: they are valid data, and the schema is unchanged by V2.
SELECT 1;
