-- Reports list recent orders. CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers
-- through. It cannot run in a transaction block: Prisma sends this file to PostgreSQL as one query, which runs outside
-- one only when it holds a single statement, so the statement stands alone in its migration (no comment after it
-- changes that; a second statement would). prisma migrate dev --create-only wrote the plain CREATE INDEX this replaces.
-- If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.
-- CreateIndex
CREATE INDEX CONCURRENTLY "orders_placed_at_idx" ON "orders"("placed_at");
