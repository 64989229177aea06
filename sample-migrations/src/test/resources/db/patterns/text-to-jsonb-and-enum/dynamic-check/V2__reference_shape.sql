-- A constraint built by dynamic SQL: Rehearsal cannot read it ahead, so some generated references do not fit it.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE orders ADD CONSTRAINT orders_reference_short CHECK (char_length(reference) <= 12)';
END
$$;
