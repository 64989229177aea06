-- Fineract's jobs, their parameters (ON DELETE RESTRICT) and the runs that name a parameter (NO ACTION)
CREATE TABLE job (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE job_parameters (id bigserial PRIMARY KEY, job_id bigint NOT NULL REFERENCES job (id) ON DELETE RESTRICT,
                             value text);
CREATE TABLE job_run_history (id bigserial PRIMARY KEY, parameter_id bigint REFERENCES job_parameters (id));
INSERT INTO job (id, name) VALUES (-1, 'Post Interest');
