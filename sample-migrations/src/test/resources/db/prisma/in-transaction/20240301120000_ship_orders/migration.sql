-- The column and its index in one migration, the index built CONCURRENTLY by hand. Prisma sends the file as one query;
-- PostgreSQL runs a query of several statements in one transaction block, and CONCURRENTLY refuses to run in one:
-- prisma migrate deploy stops here with P3018 (database error 25001), and so does the rehearsal.
-- AlterTable
ALTER TABLE "orders" ADD COLUMN "shipped_at" TIMESTAMPTZ;

-- CreateIndex
CREATE INDEX CONCURRENTLY "orders_shipped_at_idx" ON "orders"("shipped_at");
