-- One transaction: the rewrite takes ACCESS EXCLUSIVE, the index build after it only SHARE.
ALTER TABLE documents ADD COLUMN origin text GENERATED ALWAYS AS (doc ->> 'origin') STORED;
CREATE INDEX documents_kind ON documents (kind);
