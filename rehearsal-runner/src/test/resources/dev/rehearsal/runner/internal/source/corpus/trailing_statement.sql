-- the first statement keeps this comment
CREATE TABLE a (id int);

-- the last statement has no semicolon
SELECT 1
