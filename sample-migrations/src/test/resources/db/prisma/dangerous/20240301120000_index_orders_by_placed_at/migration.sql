-- Reports list recent orders. The index Prisma writes for @@index([placed_at]): a plain CREATE INDEX holds a ShareLock
-- on orders until the build ends; reads go on, every INSERT, UPDATE and DELETE waits.
-- CreateIndex
CREATE INDEX "orders_placed_at_idx" ON "orders"("placed_at");
