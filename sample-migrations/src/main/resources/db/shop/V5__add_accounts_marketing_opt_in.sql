-- Expand: a nullable column is a catalog-only change; no rewrite, no scan.
SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN marketing_opt_in boolean;
