DROP TABLE ${table_prefix}orders;
