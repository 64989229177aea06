/* outer /* inner; */ still a comment; */
CREATE TABLE t (id int);
-- a line comment; with a semicolon
/* several
   lines; */
INSERT INTO t VALUES (1);
