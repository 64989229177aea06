-- PostgreSQL cannot mark a constraint not validated again; drop it and add it back as V4 left it.
SET lock_timeout = '2s';
ALTER TABLE payments DROP CONSTRAINT payments_amount_cents_present;
ALTER TABLE payments ADD CONSTRAINT payments_amount_cents_present
    CHECK (amount_cents IS NOT NULL AND amount_cents > 0) NOT VALID;
