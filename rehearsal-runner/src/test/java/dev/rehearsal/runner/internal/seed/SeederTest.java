package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // seeds large schemas
class SeederTest {

    private static final int ROWS = 2_000;
    private static final String SCHEMA = Sql.resource(SeederTest.class, "every-shape.sql");
    private static final List<String> SEEDED = List.of("shop.customers", "shop.orders", "shop.order_lines",
            "shop.categories", "shop.events", "shop.bookings", "shop.owners", "shop.accounts");

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_every_table_up_to_the_row_count_while_every_constraint_holds() throws SQLException {
        try (ScratchDatabase db = schema("every_shape")) {
            // WHEN
            SeedSummary summary = seed(db, SeedOptions.defaults().rows(ROWS));

            // THEN every satisfiable table holds the rows (COPY checked every type, NOT NULL, CHECK, UNIQUE and FK)
            Map<String, SeededTable> byName = byName(summary);
            for (String table : SEEDED) {
                assertThat(byName.get(table)).as(table).isEqualTo(new SeededTable(table, ROWS, null));
                assertThat(Sql.number(db, "SELECT count(*) FROM " + table)).as(table).isEqualTo(ROWS);
            }
            assertThat(byName).doesNotContainKeys("public.flyway_schema_history", "_rehearsal.bookkeeping",
                    "shop.events_2024_01");
            assertThat(Sql.number(db, "SELECT count(*) FROM public.flyway_schema_history")).isZero();
        }
    }

    @Test
    void should_report_a_table_whose_check_no_generated_value_passes_and_go_on() throws SQLException {
        try (ScratchDatabase db = schema("unsatisfiable")) {
            SeededTable signed = byName(seed(db, SeedOptions.defaults().rows(ROWS))).get("shop.signed_codes");

            assertThat(signed.rows()).isZero();
            assertThat(signed.note()).contains("signed_code_digest", "column code", "seedScript")
                    .startsWith("not seeded");
        }
    }

    @Test
    void should_report_a_not_null_column_of_a_type_it_cannot_generate_and_leave_nullable_ones_null()
            throws SQLException {
        try (ScratchDatabase db = schema("unsupported_type")) {
            Map<String, SeededTable> byName = byName(seed(db, SeedOptions.defaults().rows(100)));

            assertThat(byName.get("shop.places").rows()).isZero();
            assertThat(byName.get("shop.places").note()).contains("column location", "point", "seedScript");
            // a child of the empty table and a column of an unknown type stay NULL, the rows still come
            assertThat(byName.get("shop.visits")).isEqualTo(new SeededTable("shop.visits", 100, null));
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.visits WHERE place_id IS NOT NULL OR area IS NOT NULL"))
                    .isZero();
        }
    }

    @Test
    void should_run_the_seed_script_first_and_leave_tables_it_filled_alone(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = schema("seed_script")) {
            // GIVEN a script that provides the rows the generator cannot make
            Path script = Files.writeString(dir.resolve("seed.sql"),
                    "INSERT INTO shop.legacy_codes (code) SELECT 'ABC-' || lpad(i::text, 4, '0') FROM generate_series(1, 30) i;");

            // WHEN
            SeedSummary summary = seed(db, SeedOptions.defaults().rows(ROWS).rows("shop.legacy_codes", 30)
                    .seedScript(script));

            // THEN
            assertThat(byName(summary).get("shop.legacy_codes")).isEqualTo(new SeededTable("shop.legacy_codes", 30, null));
            assertThat(byName(summary).get("shop.orders").rows()).isEqualTo(ROWS);
        }
    }

    @Test
    void should_top_up_a_table_that_holds_fewer_rows_and_leave_a_full_one_alone() throws SQLException {
        try (ScratchDatabase db = schema("top_up")) {
            Sql.execute(db, "INSERT INTO shop.categories (id, name) SELECT i, 'c' || i FROM generate_series(1, 100) i;"
                    + "INSERT INTO shop.owners (id) SELECT i FROM generate_series(1, 50) i");

            Map<String, SeededTable> byName = byName(seed(db, SeedOptions.defaults().rows(40).rows("shop.categories", 300)));

            assertThat(byName.get("shop.categories").rows()).isEqualTo(300);
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.categories WHERE name = 'c1'")).isOne();
            assertThat(byName.get("shop.owners")).isEqualTo(new SeededTable("shop.owners", 50, null));
        }
    }

    @Test
    void should_leave_about_one_in_ten_values_of_nullable_columns_null() throws SQLException {
        try (ScratchDatabase db = schema("nulls")) {
            seed(db, SeedOptions.defaults().rows(ROWS));

            for (String column : List.of("nickname", "country", "score", "rating", "signed_up", "birthday", "wakes_at",
                    "session_length", "tags", "lucky_numbers", "last_ip", "avatar", "preferences", "raw_profile", "tier")) {
                assertThat(Sql.decimal(db, "SELECT avg((" + column + " IS NULL)::int) FROM shop.customers"))
                        .as(column).isBetween(0.05, 0.20);
            }
            assertThat(Sql.decimal(db, "SELECT avg((note IS NULL)::int) FROM shop.orders")).isBetween(0.05, 0.20);
            // array elements repeat, as tags do (ArrayGenerator.VOCABULARY), where text columns' values all differ
            assertThat(Sql.number(db, "SELECT count(*) - count(DISTINCT e) FROM shop.customers, unnest(tags) e"))
                    .isGreaterThan(ROWS / 2);
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.customers WHERE email IS NULL OR vip IS NULL")).isZero();
        }
    }

    @Test
    void should_reference_existing_parents_fill_generated_json_keys_and_spread_rows_over_partitions()
            throws SQLException {
        try (ScratchDatabase db = schema("relations")) {
            seed(db, SeedOptions.defaults().rows(ROWS));

            assertThat(Sql.number(db, "SELECT count(*) FROM shop.orders o LEFT JOIN shop.customers c "
                    + "ON c.id = o.customer_id WHERE c.id IS NULL")).isZero();
            assertThat(Sql.number(db, "SELECT count(DISTINCT order_id) FROM shop.order_lines")).isGreaterThan(ROWS / 4);
            // a self-reference points to an earlier row or is NULL
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.categories WHERE parent_id IS NOT NULL")).isGreaterThan(ROWS / 2);
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.categories WHERE parent_id >= id")).isZero();
            // the cycle owners <-> accounts is broken at the nullable side
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.owners WHERE main_account_id IS NOT NULL")).isZero();
            // stored generated columns over jsonb keys are filled
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.orders WHERE sku IS NULL OR payload_qty IS NULL")).isZero();
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.events_2024_01")).isGreaterThan(ROWS / 4);
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.events_2024_02")).isGreaterThan(ROWS / 4);
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.bookings WHERE ends_at <= starts_at")).isZero();
            // planner statistics were refreshed
            assertThat(Sql.number(db, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'shop.orders'::regclass"))
                    .isEqualTo(ROWS);
        }
    }

    @Test
    void should_generate_the_same_rows_from_the_same_seed_and_other_rows_from_another() throws SQLException {
        try (ScratchDatabase first = schema("seed_a"); ScratchDatabase second = schema("seed_b");
             ScratchDatabase other = schema("seed_c")) {
            seed(first, SeedOptions.defaults().rows(500).seed(7));
            seed(second, SeedOptions.defaults().rows(500).seed(7));
            seed(other, SeedOptions.defaults().rows(500).seed(8));

            assertThat(fingerprints(second)).isEqualTo(fingerprints(first));
            assertThat(fingerprints(other).get("shop.customers")).isNotEqualTo(fingerprints(first).get("shop.customers"));
        }
    }

    private static Map<String, String> fingerprints(ScratchDatabase db) throws SQLException {
        Map<String, String> prints = new java.util.TreeMap<>();
        for (String table : SEEDED) {
            prints.put(table, Sql.strings(db, "SELECT md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) FROM "
                    + "(SELECT t::text AS x FROM " + table + " t) s").get(0));
        }
        return prints;
    }

    @Test
    void should_spread_the_rows_of_a_membership_table_over_both_parents() throws SQLException {
        // GIVEN users and teams, and a membership table keyed by both (DependencyTrack's USERS_TEAMS)
        try (ScratchDatabase db = server.createDatabase("membership")) {
            Sql.execute(db, """
                    CREATE TABLE users (id bigint PRIMARY KEY);
                    CREATE TABLE teams (id bigint PRIMARY KEY);
                    CREATE TABLE users_teams (user_id bigint NOT NULL REFERENCES users (id),
                                              team_id bigint NOT NULL REFERENCES teams (id),
                                              PRIMARY KEY (user_id, team_id));
                    """);

            seed(db, SeedOptions.defaults().rows(ROWS));

            // THEN every user is in a team, and the teams are many, not the first one for every user: a statement
            // trigger joining the memberships with another table keyed by team would otherwise meet ROWS² pairs
            assertThat(Sql.number(db, "SELECT count(*) FROM users_teams")).isEqualTo(ROWS);
            assertThat(Sql.number(db, "SELECT count(DISTINCT user_id) FROM users_teams")).isEqualTo(ROWS);
            assertThat(Sql.number(db, "SELECT count(DISTINCT team_id) FROM users_teams")).isGreaterThan(ROWS / 2);
        }
    }

    @Test
    void should_leave_a_unique_nullable_key_null_while_its_parent_has_no_rows() throws SQLException {
        // GIVEN Tolgee's projects and languages: each language belongs to a project, a project names its base language
        // through a nullable key that is also unique
        try (ScratchDatabase db = server.createDatabase("unique_key_in_cycle")) {
            Sql.execute(db, """
                    CREATE TABLE project (id bigint PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE language (id bigint PRIMARY KEY, tag text,
                                           project_id bigint NOT NULL REFERENCES project ON DELETE CASCADE);
                    ALTER TABLE project ADD COLUMN base_language_id bigint REFERENCES language,
                        ADD CONSTRAINT uc_project_base_language_id UNIQUE (base_language_id);""");

            // WHEN filled, then emptied as a rehearsal empties a table its step rejected, then filled again
            seed(db, SeedOptions.defaults().rows(200));
            long first = Sql.number(db, "SELECT count(*) FROM project");
            Sql.execute(db, "DELETE FROM project");
            seed(db, SeedOptions.defaults().rows(200));

            // THEN both fills hold every project, the base language left NULL (before: distinct random ids that no
            // language had, and the server refused every project, so no language could be filled either)
            assertThat(first).isEqualTo(200);
            assertThat(Sql.number(db, "SELECT count(*) FROM project")).isEqualTo(200);
            assertThat(Sql.number(db, "SELECT count(*) FROM language")).isEqualTo(200);
        }
    }

    @Test
    void should_take_columns_two_foreign_keys_share_from_the_wider_key() throws SQLException {
        // GIVEN Hatchet's step rate limits: (tenantId, rateLimitKey) refers to a rate limit, tenantId alone to a
        // tenant, and the narrower key comes first in the catalog (its name sorts first)
        try (ScratchDatabase db = server.createDatabase("shared_key_column")) {
            Sql.execute(db, """
                    CREATE TABLE tenant (id uuid PRIMARY KEY);
                    CREATE TABLE rate_limit (tenant_id uuid NOT NULL REFERENCES tenant, key text NOT NULL,
                                             PRIMARY KEY (tenant_id, key));
                    CREATE TABLE step_rate_limit (id bigint PRIMARY KEY, tenant_id uuid NOT NULL,
                                                  rate_limit_key text NOT NULL);
                    ALTER TABLE step_rate_limit ADD CONSTRAINT a_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant,
                        ADD CONSTRAINT b_tenant_rate_limit_fkey FOREIGN KEY (tenant_id, rate_limit_key)
                            REFERENCES rate_limit (tenant_id, key);""");

            // WHEN filled
            SeededTable steps = byName(seed(db, SeedOptions.defaults().rows(200))).get("public.step_rate_limit");

            // THEN every row refers to a rate limit (before: tenant ids from the tenants, keys at random, all refused)
            assertThat(steps.note()).isNull();
            assertThat(steps.rows()).isEqualTo(200);
        }
    }

    @Test
    void should_leave_room_in_a_small_sequence_for_the_write_load() throws SQLException {
        // GIVEN Hatchet's workflow versions: a smallserial column (at most 32 767 values), unique here so that the rows
        // must take new values, and a table referring to them
        try (ScratchDatabase db = server.createDatabase("small_sequence")) {
            Sql.execute(db, """
                    CREATE TABLE workflow_version (id uuid PRIMARY KEY, "order" smallserial NOT NULL UNIQUE);
                    CREATE TABLE job (id uuid PRIMARY KEY, workflow_version_id uuid NOT NULL REFERENCES workflow_version);
                    SELECT setval('"workflow_version_order_seq"', 32000);""");

            // WHEN filled with more rows than the sequence has values left (767)
            Map<String, SeededTable> seeded = byName(seed(db, SeedOptions.defaults().rows(1_000)));

            // THEN nine tenths of what is left are used, the note says why, the rest still numbers rows, and the
            // table referring to it is filled (before: every row refused once the sequence ran out, rollbacks did
            // not give the values back, both tables stayed empty)
            SeededTable versions = seeded.get("public.workflow_version");
            assertThat(versions.rows()).isEqualTo(767 - 100);
            assertThat(versions.note()).startsWith("seeded 667 of 1000 rows: column order takes its values from "
                    + "sequence workflow_version_order_seq, which has 767 left");
            assertThat(seeded.get("public.job").rows()).isEqualTo(1_000);
            Sql.execute(db, "INSERT INTO workflow_version (id) SELECT gen_random_uuid() FROM generate_series(1, 100)");
        }
    }

    @Test
    void should_number_rows_with_values_a_short_sequence_handed_out_where_repeats_are_allowed() throws SQLException {
        // GIVEN Hatchet's step runs: "order" a smallserial in no unique key, whose sequence numbered rows that are gone
        // (Rehearsal deleted generated rows a later key rejected, and the delete cascaded here)
        try (ScratchDatabase db = server.createDatabase("handed_out_values")) {
            Sql.execute(db, """
                    CREATE TABLE step_run (id uuid PRIMARY KEY, "order" smallserial NOT NULL CHECK ("order" > 30000));
                    SELECT setval('step_run_order_seq', 32700);""");

            // WHEN filled
            SeededTable steps = byName(seed(db, SeedOptions.defaults().rows(1_000))).get("public.step_run");

            // THEN every row is there, numbered within what the sequence handed out and its CHECK allows, and the
            // sequence keeps what it has left for the write load and the migrations (before: 0 rows, "which has 67
            // left")
            assertThat(steps).isEqualTo(new SeededTable("public.step_run", 1_000, null));
            assertThat(Sql.number(db, "SELECT count(*) FROM step_run WHERE \"order\" BETWEEN 30001 AND 32700"))
                    .isEqualTo(1_000);
            assertThat(Sql.number(db, "SELECT last_value FROM step_run_order_seq")).isEqualTo(32_700);
            Sql.execute(db, "INSERT INTO step_run (id) SELECT gen_random_uuid() FROM generate_series(1, 67)");
        }
    }

    @Test
    void should_not_reuse_values_of_a_sequence_that_handed_out_none() throws SQLException {
        // GIVEN a short sequence starting at 0 that has numbered nothing yet, on a column in no unique key
        try (ScratchDatabase db = server.createDatabase("fresh_short_sequence")) {
            Sql.execute(db, """
                    CREATE TABLE tick (id uuid PRIMARY KEY, n int NOT NULL);
                    CREATE SEQUENCE tick_n_seq MINVALUE 0 START 0 MAXVALUE 150 OWNED BY tick.n;
                    ALTER TABLE tick ALTER n SET DEFAULT nextval('tick_n_seq');""");

            // WHEN filled with more rows than it can number
            SeededTable ticks = byName(seed(db, SeedOptions.defaults().rows(1_000))).get("public.tick");

            // THEN the rows stop at what the sequence can number (no value was handed out to take again; before, an
            // unset last value read as 0 passed for "0 handed out" and every row took 0)
            assertThat(ticks.rows()).isEqualTo(51);
            assertThat(Sql.number(db, "SELECT count(DISTINCT n) FROM tick")).isEqualTo(51);
        }
    }

    @Test
    void should_add_no_row_when_every_parent_has_its_one_row_and_another_key_includes_the_reference()
            throws SQLException {
        // GIVEN a one-row-per-parent table whose key column is also part of a wider unique key, full
        try (ScratchDatabase db = server.createDatabase("once_per_parent_full")) {
            Sql.execute(db, """
                    CREATE TABLE parent (id uuid PRIMARY KEY);
                    CREATE TABLE slot (id uuid PRIMARY KEY);
                    CREATE TABLE child (id uuid PRIMARY KEY, parent_id uuid NOT NULL UNIQUE REFERENCES parent,
                                        slot_id uuid NOT NULL REFERENCES slot, UNIQUE (parent_id, slot_id));""");
            seed(db, SeedOptions.defaults().rows(300));

            // WHEN asked for more rows than there are parents
            SeededTable child = byName(seed(db, SeedOptions.defaults().rows(300).rows("public.child", 500)))
                    .get("public.child");

            // THEN none is added and the note says why (before: the wider key counted through an empty list of
            // parents, a radix of 0: the seeder made no row, but the write load's rows divided by zero — what
            // most likely ended Hatchet's rehearsal at its 96th migration)
            assertThat(child.rows()).isEqualTo(300);
            assertThat(child.note()).startsWith("seeded 300 of 500 rows: every row of public.parent is referred to "
                    + "already through parent_id");
        }
    }

    @Test
    void should_top_up_a_table_that_refers_to_each_parent_once_with_the_parents_it_does_not_refer_to_yet()
            throws SQLException {
        // GIVEN Hatchet's workflow triggers, at most one per workflow version (a unique foreign key), filled, and
        // versions added since, whose random keys sort anywhere among those already referred to
        try (ScratchDatabase db = server.createDatabase("once_per_parent")) {
            Sql.execute(db, """
                    CREATE TABLE workflow_version (id uuid PRIMARY KEY);
                    CREATE TABLE workflow_triggers (id uuid PRIMARY KEY,
                        workflow_version_id uuid NOT NULL UNIQUE REFERENCES workflow_version);""");
            seed(db, SeedOptions.defaults().rows(1_000));
            Sql.execute(db, "INSERT INTO workflow_version SELECT gen_random_uuid() FROM generate_series(1, 300)");

            // WHEN topped up to one trigger per version, then asked for more than there are versions
            SeededTable toppedUp = byName(seed(db, SeedOptions.defaults().rows(1_300))).get("public.workflow_triggers");
            Sql.execute(db, "INSERT INTO workflow_version SELECT gen_random_uuid() FROM generate_series(1, 50)");
            SeededTable beyond = byName(seed(db, SeedOptions.defaults().rows(1_300)
                    .rows("public.workflow_triggers", 2_000))).get("public.workflow_triggers");

            // THEN the new versions got their triggers, the last 50 too, with a note on why no more (before: the rows
            // counted on from the earlier rows' positions in key order, where the 50 random keys sort among versions
            // that had a trigger already: 1 850 rows offered one at a time, 46 accepted — Hatchet: 0 of 263, before
            // most of its migrations)
            assertThat(toppedUp).isEqualTo(new SeededTable("public.workflow_triggers", 1_300, null));
            assertThat(beyond.rows()).isEqualTo(1_350);
            assertThat(beyond.note()).startsWith("seeded 1350 of 2000 rows: unique key workflow_triggers_workflow_"
                    + "version_id_key (workflow_version_id) refers to each row of public.workflow_version at most once, "
                    + "and only 50 rows of public.workflow_version had none yet");
            assertThat(Sql.number(db, "SELECT count(*) FROM workflow_version v WHERE NOT EXISTS "
                    + "(SELECT 1 FROM workflow_triggers t WHERE t.workflow_version_id = v.id)")).isZero();
        }
    }

    private static ScratchDatabase schema(String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        Sql.execute(db, SCHEMA);
        return db;
    }

    private static SeedSummary seed(ScratchDatabase db, SeedOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return Seeder.seed(connection, options);
        }
    }

    private static Map<String, SeededTable> byName(SeedSummary summary) {
        return summary.tables().stream().collect(Collectors.toMap(SeededTable::relation, t -> t));
    }
}
