-- Written again after a squash: the index is there, nothing is built.
CREATE INDEX IF NOT EXISTS documents_tenant ON documents (tenant);
