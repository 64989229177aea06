package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which statements write rows of the migration's own, and which only derive rows from those already there. */
class ChainRowsTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("INSERT INTO events (payload) VALUES ('a'), ('b')", Set.of("events")),
                Arguments.of("-- the application's rows\nINSERT INTO public.events VALUES (1, 'a')", Set.of("events")),
                Arguments.of("insert into \"Events\" as e (payload) values ('a') on conflict do nothing", Set.of("Events")),
                Arguments.of("INSERT INTO roles_permissions VALUES ((SELECT id FROM roles WHERE name = 'admin'), 'read')", Set.of("roles_permissions")),
                Arguments.of("INSERT INTO events DEFAULT VALUES", Set.of("events")),
                Arguments.of("INSERT INTO t (id) OVERRIDING SYSTEM VALUE VALUES (1)", Set.of("t")),
                Arguments.of("COPY public.accounts (id, email) FROM STDIN", Set.of("accounts")),
                Arguments.of("DO $$ BEGIN INSERT INTO audit (note) VALUES ('x'); END $$", Set.of("audit")),
                Arguments.of("DO $$ BEGIN EXECUTE 'INSERT INTO audit VALUES (1)'; END $$", Set.of("*")),
                Arguments.of("SELECT setval('events_id_seq', 10)", Set.of("*")),
                Arguments.of("CALL backfill()", Set.of("*")),
                Arguments.of("INSERT INTO envelope (id, document_id) SELECT gen_random_uuid(), d.id FROM public.document AS d", Set.of()),
                Arguments.of("INSERT INTO accounts (email) SELECT 'customer' || g || '@example.com' FROM generate_series(1, 5000) AS g",
                        Set.of("accounts")),
                Arguments.of("INSERT INTO accounts (email) SELECT upper(email) FROM accounts WHERE id % 1000 = 0", Set.of("accounts")),
                Arguments.of("UPDATE events SET payload = trim(payload)", Set.of()),
                Arguments.of("ALTER TABLE events ALTER COLUMN id TYPE bigint", Set.of()),
                Arguments.of("DELETE FROM events WHERE payload IS NULL", Set.of()),
                Arguments.of("SELECT count(*) FROM events", Set.of()),
                // a goose StatementBegin block: every statement of it is read
                Arguments.of("CREATE TYPE kind AS ENUM ('a');\nALTER TABLE events ADD COLUMN kind kind;\n"
                        + "INSERT INTO kinds (name) VALUES ('a');\nINSERT INTO audit (note) VALUES ('b')",
                        Set.of("kinds", "audit")),
                Arguments.of("CREATE TABLE t (id int);\nSELECT setval('events_id_seq', 10)", Set.of("*")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("statements")
    void should_tell_the_tables_a_statement_fills_with_values_of_its_own(String sql, Set<String> owned) {
        // document holds generated rows, accounts does not (the migration made it)
        assertThat(ChainRows.ownedBy(sql, "document"::equals)).isEqualTo(owned);
    }

    @Test
    void should_own_every_row_of_a_table_the_chain_filled_itself_and_none_of_a_table_it_only_derived() {
        ChainRows rows = new ChainRows();
        rows.beforeMigration(List.of());
        rows.committed(100, List.of("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"));
        // b and c hold generated rows from here on
        rows.beforeMigration(List.of("public.a", "public.b", "public.c"));
        rows.committed(101, List.of("ALTER TABLE a ALTER COLUMN id TYPE bigint", "ALTER TABLE b ALTER COLUMN id TYPE bigint"));
        rows.committed(4_294_967_296L + 102, List.of("INSERT INTO d (id) SELECT id FROM a",
                "INSERT INTO e (id) SELECT id FROM c"));

        // a's rows are the chain's whichever transaction wrote them last, and so are the rows copied from them (d);
        // b only ever had its generated rows written again, e only received copies of generated rows
        assertThat(rows.owning("public.a")).containsExactlyInAnyOrder(100L, 101L, 102L);
        assertThat(rows.owning("d")).containsExactlyInAnyOrder(100L, 101L, 102L);
        assertThat(rows.owning("b")).isEmpty();
        assertThat(rows.owning("e")).isEmpty();
        assertThat(rows.transactions()).containsExactlyInAnyOrder(100L, 101L, 102L);
    }

    @Test
    void should_own_only_the_rows_a_function_call_wrote_last_not_those_other_transactions_derived() {
        ChainRows rows = new ChainRows();
        rows.beforeMigration(List.of("public.entitlements"));
        rows.committed(200, List.of("SELECT om_func_update_usage_period_durations_batch(2000, NOW())"));
        rows.committed(201, List.of("UPDATE entitlements SET subject_id = 'x'"));

        // the call may have written any table: its rows are the chain's; the UPDATE only derived generated rows
        assertThat(rows.owning("public.entitlements")).containsExactly(200L);
        rows.committed(202, List.of("INSERT INTO entitlements (id) VALUES ('own')"));
        assertThat(rows.owning("entitlements")).containsExactlyInAnyOrder(200L, 201L, 202L);
    }
}
