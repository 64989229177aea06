-- The application stores each variable's type as the position of a Java enum constant: 0 or 1.
CREATE TABLE variables (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, kind integer);
