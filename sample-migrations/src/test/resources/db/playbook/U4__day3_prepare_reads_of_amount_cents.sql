SET lock_timeout = '2s';
ALTER TABLE payments DROP CONSTRAINT payments_amount_cents_present;
DROP TRIGGER payments_fill_amount ON payments;
DROP FUNCTION payments_fill_amount();
ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;
