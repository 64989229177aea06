-- +goose Up
-- One block, as Hatchet's v1_0_146: a column added without a value, then a CHECK over it that holds, with the
-- column NULL, only on rows that are not paused. The CHECK is added by dynamic SQL, so it is not read ahead.
-- +goose StatementBegin
ALTER TABLE workflows ADD COLUMN pause_behavior text;
DO $$
BEGIN
    EXECUTE 'ALTER TABLE workflows ADD CONSTRAINT workflows_paused_check CHECK ((paused = false AND pause_behavior IS NULL) OR (paused AND pause_behavior IS NOT NULL))';
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
ALTER TABLE workflows DROP CONSTRAINT workflows_paused_check;
ALTER TABLE workflows DROP COLUMN pause_behavior;
-- +goose StatementEnd
