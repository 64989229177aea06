CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference varchar(40) NOT NULL
);
-- What a later CHECK calls: Rehearsal evaluates it, it does not read it.
CREATE FUNCTION reference_unmarked(reference text) RETURNS boolean IMMUTABLE LANGUAGE sql
    AS $$ SELECT position('!' in reference) = 0 $$;
