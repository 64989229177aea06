-- A function call: it may write any table, so the rows it writes are the migration's own.
SELECT setval('customer_subjects_id_seq', 1000000);
