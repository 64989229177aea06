-- Day 1, expand: the new column, nullable and without default - a catalog change, no rewrite, no scan.
-- App v2, deployed next, writes both amount and amount_cents; v1 keeps running on amount alone until v2 replaces it.
SET lock_timeout = '2s';
ALTER TABLE payments ADD COLUMN amount_cents bigint;
