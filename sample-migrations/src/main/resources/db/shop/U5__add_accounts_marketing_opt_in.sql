ALTER TABLE accounts DROP COLUMN marketing_opt_in;
