-- trigger.dev's 20221216125550_added_runtime_environment_title: every environment then was dev or prod
ALTER TABLE "RuntimeEnvironment" ADD COLUMN "title" TEXT;
UPDATE "RuntimeEnvironment" SET "title" = 'Development' WHERE "slug" = 'dev';
UPDATE "RuntimeEnvironment" SET "title" = 'Production' WHERE "slug" = 'prod';
ALTER TABLE "RuntimeEnvironment" ALTER COLUMN "title" SET NOT NULL;
