-- +goose Up
CREATE TABLE workflows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, paused boolean NOT NULL);

-- +goose Down
DROP TABLE workflows;
