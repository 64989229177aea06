ALTER TABLE orders
    ALTER COLUMN payload TYPE text USING payload::text,
    ALTER COLUMN status TYPE varchar(20) USING status::text;
