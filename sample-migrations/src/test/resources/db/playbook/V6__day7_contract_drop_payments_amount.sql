-- Day 7, contract: v2 is retired, and v3 neither reads nor writes amount. The validated CHECK proves
-- amount_cents IS NOT NULL, so SET NOT NULL reads no row; the drops touch the catalog only.
SET lock_timeout = '2s';
ALTER TABLE payments ALTER COLUMN amount_cents SET NOT NULL;
DROP TRIGGER payments_fill_amount ON payments;
DROP FUNCTION payments_fill_amount();
-- rehearsal:allow DATA_LOSS every amount is in amount_cents since Day 2, checked by payments_amount_cents_present
ALTER TABLE payments DROP COLUMN amount;
