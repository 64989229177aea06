-- Day 3, before v3 is deployed. v3 reads and writes amount_cents only, while v2 still reads amount:
-- - amount becomes optional, and a trigger fills it from amount_cents for the rows v3 writes;
-- - amount_cents must be present from now on: a CHECK added NOT VALID applies to new rows at once and reads no
--   existing row (V5 validates it while writers go on).
SET lock_timeout = '2s';
ALTER TABLE payments ALTER COLUMN amount DROP NOT NULL;

CREATE FUNCTION payments_fill_amount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.amount := COALESCE(NEW.amount, NEW.amount_cents / 100.0);
    RETURN NEW;
END $$;

CREATE TRIGGER payments_fill_amount BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION payments_fill_amount();

ALTER TABLE payments ADD CONSTRAINT payments_amount_cents_present
    CHECK (amount_cents IS NOT NULL AND amount_cents > 0) NOT VALID;
