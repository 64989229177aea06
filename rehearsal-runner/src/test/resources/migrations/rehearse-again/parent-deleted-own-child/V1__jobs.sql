-- Fineract's jobs and their parameters (a key ON DELETE RESTRICT); the chain ships the jobs it knows.
CREATE TABLE job (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE job_parameters (id bigserial PRIMARY KEY, job_id bigint NOT NULL REFERENCES job (id) ON DELETE RESTRICT,
                             value text);
INSERT INTO job (id, name) VALUES (-1, 'Update loan Summary'), (-2, 'Post Interest');
-- and a parameter of its own for the job the next migration deletes: that one fails production too
INSERT INTO job_parameters (job_id, value) VALUES (-1, 'shipped');
