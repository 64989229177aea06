-- PostgreSQL cannot mark a constraint not validated again; drop it and add it back as V2 left it.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_account_id_fkey;
ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
