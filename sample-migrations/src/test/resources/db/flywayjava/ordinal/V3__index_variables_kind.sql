CREATE INDEX variables_kind_idx ON variables (kind);
