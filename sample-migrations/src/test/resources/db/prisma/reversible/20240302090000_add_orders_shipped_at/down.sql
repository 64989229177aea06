-- AlterTable
ALTER TABLE "orders" DROP COLUMN "shipped_at";
