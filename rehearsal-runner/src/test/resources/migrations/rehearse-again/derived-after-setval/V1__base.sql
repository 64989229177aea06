CREATE TABLE customers (id character(26) PRIMARY KEY, namespace varchar NOT NULL);
CREATE TABLE customer_subjects (id bigserial PRIMARY KEY, namespace varchar NOT NULL, subject_key varchar NOT NULL,
  customer_id character(26) NOT NULL REFERENCES customers (id), deleted_at timestamptz);
CREATE TABLE entitlements (id character(26) PRIMARY KEY, namespace varchar NOT NULL, subject_key varchar NOT NULL,
  note text);
