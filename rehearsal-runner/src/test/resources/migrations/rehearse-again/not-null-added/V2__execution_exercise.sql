-- Shipped when executions was still empty everywhere: a NOT NULL column without a default, which any row refuses.
ALTER TABLE executions ADD exercise_id varchar(256) NOT NULL;
ALTER TABLE executions ADD CONSTRAINT fk_execution_exercise FOREIGN KEY (exercise_id) REFERENCES exercises (exercise_id);
