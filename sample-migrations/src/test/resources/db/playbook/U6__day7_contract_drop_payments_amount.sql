-- The column comes back with its values recomputed from amount_cents (at the end of the table).
SET lock_timeout = '2s';
ALTER TABLE payments ADD COLUMN amount numeric(12, 2) CONSTRAINT payments_amount_check CHECK (amount > 0);
UPDATE payments SET amount = amount_cents / 100.0;

CREATE FUNCTION payments_fill_amount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.amount := COALESCE(NEW.amount, NEW.amount_cents / 100.0);
    RETURN NEW;
END $$;

CREATE TRIGGER payments_fill_amount BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION payments_fill_amount();

ALTER TABLE payments ALTER COLUMN amount_cents DROP NOT NULL;
