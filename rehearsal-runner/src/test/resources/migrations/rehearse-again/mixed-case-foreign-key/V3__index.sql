CREATE INDEX "Organization_id_idx" ON "Organization" (id);
