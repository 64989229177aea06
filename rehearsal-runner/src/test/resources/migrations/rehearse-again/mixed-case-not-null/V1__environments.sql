CREATE TABLE "RuntimeEnvironment" (id serial PRIMARY KEY, slug text NOT NULL);
