CREATE INDEX account_codes_code_idx ON account_codes (code);
