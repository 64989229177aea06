CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id int PRIMARY KEY, feeling mood NOT NULL);
