ALTER TABLE executions DROP COLUMN exercise_id;
