-- One step: every app version still reading customer_ref breaks the moment this commits.
ALTER TABLE orders RENAME COLUMN customer_ref TO customer_id;
