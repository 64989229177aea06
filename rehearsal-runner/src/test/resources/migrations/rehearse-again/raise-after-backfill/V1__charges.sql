-- OpenMeter's shape: default tax codes per namespace (the chain ships one), and charges of every namespace.
CREATE TABLE tax_defaults (namespace text PRIMARY KEY, tax_code text NOT NULL);
CREATE TABLE charges (id bigserial PRIMARY KEY, namespace text NOT NULL, amount numeric);
INSERT INTO tax_defaults (namespace, tax_code) VALUES ('acme', 'T1');
