CREATE TABLE c (id int, name text);
COPY c (id, name) FROM stdin;
1	one
2	\N
\.
SELECT count(*) FROM c;
