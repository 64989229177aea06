-- +goose Up
-- orders_archive is created nowhere: a true failure.
CREATE INDEX orders_archive_placed_at ON orders_archive (placed_at);

-- +goose Down
DROP INDEX orders_archive_placed_at;
