CREATE TABLE exercises (exercise_id varchar(256) PRIMARY KEY, name text NOT NULL);
CREATE TABLE executions (execution_id varchar(256) PRIMARY KEY, note text);
CREATE TABLE execution_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                             execution_id varchar(256) NOT NULL REFERENCES executions);
