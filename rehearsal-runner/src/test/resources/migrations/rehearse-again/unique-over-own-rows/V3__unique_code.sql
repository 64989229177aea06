ALTER TABLE accounts ADD CONSTRAINT accounts_code_key UNIQUE (code);
