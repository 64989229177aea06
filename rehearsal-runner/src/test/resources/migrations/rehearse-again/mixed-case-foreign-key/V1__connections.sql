CREATE TABLE "Organization" (id text PRIMARY KEY);
CREATE TABLE "APIConnection" (id text PRIMARY KEY, "organizationId" text NOT NULL REFERENCES "Organization" (id));
CREATE TABLE "ExternalSource" (id text PRIMARY KEY, "connectionId" text REFERENCES "APIConnection" (id));
