ALTER TABLE payments DROP COLUMN amount_cents;
