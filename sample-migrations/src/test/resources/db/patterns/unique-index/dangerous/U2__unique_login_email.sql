DROP INDEX CONCURRENTLY IF EXISTS accounts_email_lower_key;
