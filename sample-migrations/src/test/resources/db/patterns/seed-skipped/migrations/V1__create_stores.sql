-- Stores with their map position. The seeder generates values for the common types, not for geometric ones:
-- it cannot fill this table, says why, and the rehearsal goes on with the table empty.
CREATE TABLE stores (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text NOT NULL,
    location point NOT NULL,
    code     text NOT NULL CHECK (code ~ '^[A-Z]{3}-[0-9]{4}$')
);
