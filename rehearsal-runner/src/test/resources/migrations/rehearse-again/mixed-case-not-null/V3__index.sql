CREATE INDEX "RuntimeEnvironment_title_idx" ON "RuntimeEnvironment" ("title");
