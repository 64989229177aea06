CREATE TABLE pairs (a int, b int, note text);
