-- Then the unique index, built concurrently over data that satisfies it.
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts (lower(email));
