-- Every row the application wrote holds JSON and one of the statuses: the casts rewrite the table, they never fail.
ALTER TABLE orders
    ALTER COLUMN payload TYPE jsonb USING payload::jsonb,
    ALTER COLUMN status TYPE order_status USING status::order_status;
