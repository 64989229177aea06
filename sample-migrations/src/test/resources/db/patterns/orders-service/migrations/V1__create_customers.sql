-- An orders service as many teams write it: customers with the most ordinary email check. Whether or not
-- Rehearsal can generate rows that satisfy it, the later migrations must be judged on what they lock.
CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL UNIQUE CHECK (position('@' IN email) > 1),
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
