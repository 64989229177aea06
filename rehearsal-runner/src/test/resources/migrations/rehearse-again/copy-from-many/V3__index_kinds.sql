CREATE INDEX metadata_kind_idx ON metadata (kind);
