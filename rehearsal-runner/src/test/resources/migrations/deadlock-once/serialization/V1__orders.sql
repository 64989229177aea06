CREATE TABLE orders (id bigint PRIMARY KEY, note text);
-- Sequences are not transactional: nextval survives the rollback of a failed attempt, so V2 knows its attempt.
CREATE SEQUENCE rehearsal_test_attempts;
