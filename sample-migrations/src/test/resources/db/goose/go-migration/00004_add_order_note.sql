-- +goose Up
ALTER TABLE orders ADD COLUMN note text;

-- +goose Down
ALTER TABLE orders DROP COLUMN note;
