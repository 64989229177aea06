-- A nullable column without a default: a catalogue change, no rewrite.
-- AlterTable
ALTER TABLE "orders" ADD COLUMN "shipped_at" TIMESTAMPTZ;
