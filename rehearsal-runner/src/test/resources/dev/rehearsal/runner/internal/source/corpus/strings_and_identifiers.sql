CREATE TABLE "odd;name" ("col;1" text, "quote""d" text);
INSERT INTO "odd;name" VALUES (E'it\'s; fine', 'x');
INSERT INTO "odd;name" VALUES ('it''s; fine', 'y');
SELECT U&'d\0061t\+000061;' AS unicode;
