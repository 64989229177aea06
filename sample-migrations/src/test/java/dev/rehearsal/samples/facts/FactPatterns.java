package dev.rehearsal.samples.facts;

import java.util.List;

/**
 * The changes in the measured-facts table, on the table {@code orders} (and {@code accounts} for foreign keys) that
 * {@link FactSchema} creates. The advice next to a change is what is commonly said about it; the table shows whether
 * the measurement agrees.
 */
final class FactPatterns {

    private FactPatterns() {
    }

    static List<FactPattern> all() {
        return List.of(
                FactPattern.of("add a nullable column", "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
                        "ALTER TABLE orders DROP COLUMN shipped_at;"),
                FactPattern.of("add a column with a constant default",
                        "ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';",
                        "ALTER TABLE orders DROP COLUMN channel;")
                        .advice("a column with a default rewrites the table", true, null, null),
                FactPattern.of("add a column with DEFAULT now()",
                        "ALTER TABLE orders ADD COLUMN recorded_at timestamptz DEFAULT now();",
                        "ALTER TABLE orders DROP COLUMN recorded_at;")
                        .advice("a default computed by a function rewrites the table", true, null, null),
                FactPattern.of("add a column with a volatile default",
                        "ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();",
                        "ALTER TABLE orders DROP COLUMN public_id;")
                        .advice("a volatile default rewrites the table", true, null, true),
                FactPattern.of("add a stored generated column",
                        "ALTER TABLE orders ADD COLUMN total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) STORED;",
                        "ALTER TABLE orders DROP COLUMN total_eur;"),
                FactPattern.of("integer → bigint", "ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;",
                        "ALTER TABLE orders ALTER COLUMN total_cents TYPE integer;")
                        .advice("changing a column's type rewrites the table", true, null, true),
                FactPattern.of("text → varchar (no length)", "ALTER TABLE orders ALTER COLUMN note TYPE varchar;",
                        "ALTER TABLE orders ALTER COLUMN note TYPE text;")
                        .advice("changing a column's type rewrites the table", true, null, null),
                FactPattern.of("text → varchar(200)", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);",
                        "ALTER TABLE orders ALTER COLUMN note TYPE text;")
                        .advice("a length limit only needs a check, not a rewrite", false, null, null),
                FactPattern.of("varchar(20) → varchar(40)", "ALTER TABLE orders ALTER COLUMN code TYPE varchar(40);",
                        "ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);")
                        .advice("changing a column's type rewrites the table", true, null, null),
                FactPattern.of("varchar(20) → varchar(10)", "ALTER TABLE orders ALTER COLUMN code TYPE varchar(10);",
                        "ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);"),
                FactPattern.of("varchar(20) → text", "ALTER TABLE orders ALTER COLUMN code TYPE text;",
                        "ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);")
                        .advice("changing a column's type rewrites the table", true, null, null),
                FactPattern.of("numeric(10,2) → numeric(12,2)", "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);",
                        "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,2);")
                        .advice("changing a column's type rewrites the table", true, null, null),
                FactPattern.of("numeric(10,2) → numeric(10,3)", "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,3);",
                        "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,2);"),
                FactPattern.of("timestamp → timestamptz, session TimeZone UTC",
                        "SET TimeZone = 'UTC';\nALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;",
                        "SET TimeZone = 'UTC';\nALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;")
                        .advice("timestamp → timestamptz rewrites the table", true, null, null),
                FactPattern.of("timestamp → timestamptz, session TimeZone Europe/Berlin",
                        "SET TimeZone = 'Europe/Berlin';\nALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;",
                        "SET TimeZone = 'Europe/Berlin';\nALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;"),
                FactPattern.of("SET NOT NULL (CHECK (state IS NOT NULL) exists, NOT VALID)",
                                "ALTER TABLE orders ALTER COLUMN state SET NOT NULL;",
                                "ALTER TABLE orders ALTER COLUMN state DROP NOT NULL;")
                        .advice("any CHECK (col IS NOT NULL) spares SET NOT NULL its scan", null, false, null),
                FactPattern.of("SET NOT NULL after a validated CHECK (state IS NOT NULL)",
                                "ALTER TABLE orders ALTER COLUMN state SET NOT NULL;",
                                "ALTER TABLE orders ALTER COLUMN state DROP NOT NULL;")
                        .setup("ALTER TABLE orders VALIDATE CONSTRAINT orders_state_present;")
                        .advice("SET NOT NULL scans the whole table", null, true, null),
                FactPattern.of("DROP NOT NULL", "ALTER TABLE orders ALTER COLUMN account_id DROP NOT NULL;",
                        "ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;"),
                FactPattern.of("add a CHECK", "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total_cents >= 0);",
                        "ALTER TABLE orders DROP CONSTRAINT orders_total_check;"),
                FactPattern.of("add a CHECK … NOT VALID",
                                "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total_cents >= 0) NOT VALID;",
                                "ALTER TABLE orders DROP CONSTRAINT orders_total_check;")
                        .advice("NOT VALID adds the constraint without blocking anyone", null, false, false),
                FactPattern.of("VALIDATE a CHECK", "ALTER TABLE orders VALIDATE CONSTRAINT orders_state_present;",
                                "ALTER TABLE orders DROP CONSTRAINT orders_state_present;\n"
                                        + "ALTER TABLE orders ADD CONSTRAINT orders_state_present CHECK (state IS NOT NULL) NOT VALID;")
                        .advice("VALIDATE scans without blocking writers", null, true, false),
                FactPattern.of("add a foreign key",
                                "ALTER TABLE orders ADD CONSTRAINT orders_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);",
                                "ALTER TABLE orders DROP CONSTRAINT orders_account_fkey;"),
                FactPattern.of("add a foreign key … NOT VALID",
                                "ALTER TABLE orders ADD CONSTRAINT orders_account_fkey FOREIGN KEY (account_id) "
                                        + "REFERENCES accounts (id) NOT VALID;",
                                "ALTER TABLE orders DROP CONSTRAINT orders_account_fkey;")
                        .advice("NOT VALID adds the constraint without blocking anyone", null, false, false),
                FactPattern.of("VALIDATE a foreign key", "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fkey;",
                                "ALTER TABLE orders DROP CONSTRAINT orders_account_fkey;\nALTER TABLE orders ADD CONSTRAINT "
                                        + "orders_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;")
                        .setup("ALTER TABLE orders ADD CONSTRAINT orders_account_fkey FOREIGN KEY (account_id) "
                                + "REFERENCES accounts (id) NOT VALID;")
                        .advice("VALIDATE scans without blocking writers", null, true, false),
                FactPattern.of("CREATE INDEX", "CREATE INDEX orders_placed_at_idx ON orders (placed_at);",
                        "DROP INDEX orders_placed_at_idx;"),
                FactPattern.of("CREATE INDEX CONCURRENTLY", "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);",
                                "DROP INDEX CONCURRENTLY orders_placed_at_idx;")
                        .concurrently()
                        .advice("CONCURRENTLY builds the index without locking the table", null, null, false),
                FactPattern.of("DROP INDEX", "DROP INDEX orders_code_idx;", "CREATE INDEX orders_code_idx ON orders (code);")
                        .setup("CREATE INDEX orders_code_idx ON orders (code);"),
                FactPattern.of("DROP INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY orders_code_idx;",
                                "CREATE INDEX CONCURRENTLY orders_code_idx ON orders (code);")
                        .setup("CREATE INDEX orders_code_idx ON orders (code);").concurrently(),
                FactPattern.of("DROP COLUMN", "ALTER TABLE orders DROP COLUMN note;", "ALTER TABLE orders ADD COLUMN note text;")
                        .advice("dropping a column rewrites the table", true, null, null),
                FactPattern.of("RENAME COLUMN", "ALTER TABLE orders RENAME COLUMN note TO remark;",
                        "ALTER TABLE orders RENAME COLUMN remark TO note;"),
                FactPattern.of("SET DEFAULT on an existing column",
                        "ALTER TABLE orders ALTER COLUMN state SET DEFAULT 'open';",
                        "ALTER TABLE orders ALTER COLUMN state DROP DEFAULT;"),
                FactPattern.of("SET (fillfactor = 80)", "ALTER TABLE orders SET (fillfactor = 80);",
                        "ALTER TABLE orders RESET (fillfactor);"),
                FactPattern.of("VACUUM FULL", "VACUUM FULL orders;", "SELECT 1;").concurrently());
    }
}
