-- Written with prisma migrate diff --from-schema-datamodel schema.prisma --to-schema-datamodel previous.prisma --script
-- DropTable
DROP TABLE "orders";

-- DropTable
DROP TABLE "accounts";
