package dev.rehearsal.samples.facts;

import java.util.Locale;

/**
 * The table every change is measured on, created and filled by the first migration of each measured chain. The first
 * migration has no down script, so the rehearsal applies it once: loading a million rows is the slow part.
 */
final class FactSchema {

    private FactSchema() {
    }

    static String create(long rows, String setup) {
        long accounts = Math.max(1, rows / 10);
        return String.format(Locale.ROOT, """
                CREATE TABLE accounts (
                    id    bigint PRIMARY KEY,
                    email text NOT NULL
                );
                CREATE TABLE orders (
                    id          bigint PRIMARY KEY,
                    account_id  bigint NOT NULL,
                    total_cents integer NOT NULL,
                    note        text,
                    code        varchar(20) NOT NULL,
                    amount      numeric(10, 2) NOT NULL,
                    placed_at   timestamp NOT NULL,
                    state       text
                );
                INSERT INTO accounts SELECT g, 'customer' || g || '@example.com' FROM generate_series(1, %1$d) AS g;
                INSERT INTO orders
                SELECT g, 1 + g %% %1$d, g %% 100000, CASE WHEN g %% 10 = 0 THEN 'gift wrap' END, 'C-' || g,
                       (g %% 10000) / 100.0, timestamp '2024-01-01' + g * interval '1 second', 'open'
                FROM generate_series(1, %2$d) AS g;
                -- Keeps the write load from putting NULL into state before SET NOT NULL runs. Added by ALTER TABLE:
                -- in CREATE TABLE, PostgreSQL ignores NOT VALID and marks a CHECK validated (the table is empty).
                ALTER TABLE orders ADD CONSTRAINT orders_state_present CHECK (state IS NOT NULL) NOT VALID;
                %3$s
                """, accounts, rows, setup);
    }
}
