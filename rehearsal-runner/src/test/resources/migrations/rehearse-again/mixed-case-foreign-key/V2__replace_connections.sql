-- trigger.dev's 20230428092422: the connections table replaced by an empty one, and the sources keyed to it
ALTER TABLE "ExternalSource" DROP CONSTRAINT "ExternalSource_connectionId_fkey";
DROP TABLE "APIConnection";
CREATE TABLE "ApiConnection" (id text NOT NULL, "organizationId" text NOT NULL, CONSTRAINT "ApiConnection_pkey" PRIMARY KEY (id));
ALTER TABLE "ApiConnection" ADD CONSTRAINT "ApiConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExternalSource" ADD CONSTRAINT "ExternalSource_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ApiConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
