package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChainDemandsTest {

    private static final String TABLE = """
            CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text, kind varchar(12),
                                 external_id text, amount text, happened text, code text)""";
    private static final List<List<String>> CHAIN = List.of(
            List.of(TABLE),
            List.of("CREATE TYPE event_kind AS ENUM ('created', 'paid')", "ALTER TYPE event_kind ADD VALUE 'refunded'"),
            List.of("""
                    -- the real types, years later
                    ALTER TABLE public.events
                        ALTER COLUMN payload TYPE jsonb USING payload::jsonb,
                        ALTER COLUMN kind SET DATA TYPE event_kind USING (kind::text)::event_kind,
                        ALTER COLUMN external_id TYPE uuid USING CAST(external_id AS uuid),
                        ALTER COLUMN amount TYPE numeric(10, 2) USING amount::numeric(10, 2),
                        ALTER COLUMN happened TYPE timestamptz USING happened::timestamp with time zone,
                        ALTER COLUMN code SET NOT NULL""",
                    "CREATE UNIQUE INDEX CONCURRENTLY events_code_key ON events (code)"));

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_read_casts_enum_labels_not_null_and_unique_keys_from_later_scripts() {
        // GIVEN the chain's scripts; WHEN read
        ChainDemands demands = ChainDemands.of(CHAIN);
        TableInfo events = new TableInfo(1, "public", "events", List.of(
                column(1, "payload", TypeKind.TEXT), column(2, "kind", TypeKind.VARCHAR),
                column(3, "code", TypeKind.TEXT), column(4, "note", TypeKind.TEXT)), List.of(), List.of(), List.of(), null);

        TableInfo shaped = demands.applyTo(events);

        // THEN the columns carry the shapes ahead of them, and the rest is left alone
        assertThat(shaped.column("payload").orElseThrow().type().kind()).isEqualTo(TypeKind.JSONB);
        assertThat(shaped.column("kind").orElseThrow().type().kind()).isEqualTo(TypeKind.ENUM);
        assertThat(shaped.column("kind").orElseThrow().type().labels()).containsExactly("created", "paid", "refunded");
        assertThat(shaped.column("code").orElseThrow().notNull()).isTrue();
        assertThat(shaped.uniqueKeys()).extracting(TableInfo.UniqueKey::attnums).containsExactly(List.of(3));
        assertThat(shaped.column("note").orElseThrow()).isEqualTo(events.column("note").orElseThrow());
        assertThat(demands.applyTo(new TableInfo(2, "public", "other", events.columns(), List.of(), List.of(), List.of(),
                null))).isEqualTo(new TableInfo(2, "public", "other", events.columns(), List.of(), List.of(), List.of(),
                null));
    }

    @Test
    void should_give_each_table_copied_into_one_unique_column_a_share_of_the_parent_rows_of_its_own() {
        // GIVEN documents and templates both copied into one column a later index makes unique
        ChainDemands demands = ChainDemands.of(List.of(List.of(
                "CREATE TABLE item (data_id int NOT NULL)",
                "INSERT INTO item (data_id) SELECT d.data_id FROM document d",
                "INSERT INTO item (data_id) SELECT t.\"template_data_id\" FROM public.template AS t",
                "CREATE UNIQUE INDEX item_data_id_key ON item (data_id)")));
        TableInfo document = documentReferencingData();
        TableInfo template = new TableInfo(2, "public", "template", List.of(column(1, "id", TypeKind.INTEGER),
                column(2, "template_data_id", TypeKind.INTEGER), column(3, "owner_id", TypeKind.INTEGER)), List.of(),
                List.of(new TableInfo.ForeignKey("template_data_fk", List.of(2), 9, List.of(1)),
                        new TableInfo.ForeignKey("template_owner_fk", List.of(3), 8, List.of(1))), List.of(), null);

        // WHEN applied
        TableInfo shapedDocument = demands.applyTo(document);
        TableInfo shapedTemplate = demands.applyTo(template);

        // THEN each copied column is unique, and references every other row of the parent, from its own start
        assertThat(shapedDocument.uniqueKeys()).extracting(TableInfo.UniqueKey::attnums).containsExactly(List.of(2));
        assertThat(shapedTemplate.uniqueKeys()).extracting(TableInfo.UniqueKey::attnums).containsExactly(List.of(2));
        assertThat(shapedDocument.foreignKeys()).extracting(TableInfo.ForeignKey::share)
                .containsExactly(new TableInfo.Share(0, 2));
        assertThat(shapedTemplate.foreignKeys()).extracting(TableInfo.ForeignKey::share)
                .containsExactly(new TableInfo.Share(1, 2), null);
        assertThat(new TableInfo.Share(1, 2).pick(List.of("a", "b", "c", "d", "e"))).containsExactly("b", "d");
        assertThat(new TableInfo.Share(0, 2).pick(List.of("a", "b", "c", "d", "e"))).containsExactly("a", "c", "e");
    }

    @Test
    void should_make_the_columns_one_table_is_joined_on_take_turns_when_its_rows_are_copied_into_one_unique_column() {
        // GIVEN settings rows copied twice into one unique column, found once by document and once by template
        ChainDemands demands = ChainDemands.of(List.of(List.of(
                "INSERT INTO envelope (meta_id) SELECT dm.id FROM document d LEFT JOIN meta dm ON dm.document_id = d.id",
                "INSERT INTO envelope (meta_id) SELECT dm.id FROM template t LEFT JOIN meta dm ON dm.template_id = t.id",
                "CREATE UNIQUE INDEX envelope_meta_id_key ON envelope (meta_id)")));
        TableInfo meta = new TableInfo(1, "public", "meta", List.of(column(1, "id", TypeKind.INTEGER),
                column(2, "document_id", TypeKind.INTEGER), column(3, "template_id", TypeKind.INTEGER)), List.of(),
                List.of(new TableInfo.ForeignKey("meta_document_fk", List.of(2), 8, List.of(1)),
                        new TableInfo.ForeignKey("meta_template_fk", List.of(3), 9, List.of(1))), List.of(), null);

        // THEN each row references a document or a template, in turns; the parents are not shared out
        assertThat(demands.applyTo(meta).foreignKeys()).extracting(TableInfo.ForeignKey::turn)
                .containsExactly(new TableInfo.Share(0, 2), new TableInfo.Share(1, 2));
        assertThat(demands.applyTo(meta).foreignKeys()).extracting(TableInfo.ForeignKey::share).containsOnlyNulls();
    }

    @Test
    void should_leave_the_parent_rows_whole_for_a_column_copied_alone_or_into_a_column_that_is_not_unique() {
        ChainDemands demands = ChainDemands.of(List.of(List.of(
                "CREATE TABLE item (data_id int NOT NULL, other_id int)",
                "INSERT INTO item (data_id) SELECT d.data_id FROM document d",
                "INSERT INTO item (other_id) SELECT d.data_id FROM document d",
                "INSERT INTO item (other_id) SELECT t.template_data_id FROM template t",
                "CREATE UNIQUE INDEX item_data_id_key ON item (data_id)")));
        TableInfo document = documentReferencingData();

        assertThat(demands.applyTo(document).foreignKeys()).extracting(TableInfo.ForeignKey::share).containsOnlyNulls();
        assertThat(demands.applyTo(document).uniqueKeys()).extracting(TableInfo.UniqueKey::attnums)
                .containsExactly(List.of(2));
    }

    @Test
    void should_read_unique_indexes_over_case_folded_columns() {
        // a unique index on lower(email) demands distinct emails; other expressions add nothing; none at all, no demand
        assertThat(uniqueColumns("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts (lower(email))"))
                .containsExactly(List.of("email"));
        assertThat(uniqueColumns("CREATE UNIQUE INDEX k ON public.accounts USING btree ((upper(code)) DESC, tenant_id)"))
                .containsExactly(List.of("code", "tenant_id"));
        assertThat(uniqueColumns("CREATE UNIQUE INDEX k ON accounts (lower(email), (data->>'k')) WHERE deleted IS NULL"))
                .containsExactly(List.of("email"));
        assertThat(uniqueColumns("CREATE UNIQUE INDEX k ON accounts ((data->>'k'))")).isEmpty();
        assertThat(uniqueColumns("CREATE UNIQUE INDEX k ON accounts (code)")).containsExactly(List.of("code"));
    }

    private static List<List<String>> uniqueColumns(String sql) {
        return DemandParser.of(sql).stream().filter(DemandParser.Unique.class::isInstance)
                .map(d -> ((DemandParser.Unique) d).columns()).toList();
    }

    @Test
    void should_read_a_cast_in_a_data_migration_update_of_the_updated_table_only() {
        // GIVEN a data migration (Harbor's 1.8.0 schema, line 77) that casts the policy's filters text to jsonb
        ChainDemands demands = ChainDemands.of(List.of(List.of("UPDATE replication_policy r SET filters=( r.filters::jsonb"
                + " || (SELECT CONCAT('{\"type\":\"name\",\"value\":\"', p.name,'/**\"}') FROM project p"
                + " WHERE p.project_id=r.project_id)::jsonb)")));
        TableInfo policies = new TableInfo(1, "public", "replication_policy", List.of(
                column(1, "filters", TypeKind.TEXT), column(2, "name", TypeKind.TEXT)), List.of(), List.of(), List.of(),
                null);
        TableInfo projects = new TableInfo(2, "public", "project", List.of(column(1, "name", TypeKind.TEXT)), List.of(),
                List.of(), List.of(), null);

        // THEN the updated table's column must hold JSON; the joined table's column and the literal ask nothing
        assertThat(demands.applyTo(policies).column("filters").orElseThrow().type().kind()).isEqualTo(TypeKind.JSONB);
        assertThat(demands.applyTo(policies).column("name")).isEqualTo(policies.column("name"));
        assertThat(demands.applyTo(projects)).isEqualTo(projects);
    }

    @Test
    void should_ask_nothing_of_a_column_whose_cast_computes_its_value() {
        ChainDemands demands = ChainDemands.of(List.of(List.of(
                "ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING to_jsonb(payload)")));
        TableInfo events = new TableInfo(1, "public", "events", List.of(column(1, "payload", TypeKind.TEXT)), List.of(),
                List.of(), List.of(), null);

        assertThat(demands.applyTo(events)).isEqualTo(events);
    }

    @Test
    void should_generate_rows_that_the_later_casts_not_null_and_unique_index_accept() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("demands");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN the table as V1 leaves it, filled with the chain's demands in mind
            execute(connection, TABLE);
            Seeder.seed(connection, SeedOptions.defaults().rows(2_000), ChainDemands.of(CHAIN));

            // WHEN the later migrations run on those rows; THEN every cast, the NOT NULL and the unique index succeed
            for (String statement : CHAIN.get(1)) {
                execute(connection, statement);
            }
            execute(connection, CHAIN.get(2).get(0));
            execute(connection, CHAIN.get(2).get(1));
        }
    }

    @Test
    void should_give_text_columns_copied_from_two_tables_into_one_unique_column_values_of_their_own() throws SQLException {
        // GIVEN two tables whose emails a later migration merges into one column with a unique index (no foreign key:
        // nothing but a share of the values keeps the two tables' generated emails apart)
        List<List<String>> chain = List.of(
                List.of("CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL)",
                        "CREATE TABLE admins (id serial PRIMARY KEY, email text NOT NULL)"),
                List.of("CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL)",
                        "INSERT INTO accounts (email) SELECT u.email FROM users u",
                        "INSERT INTO accounts (email) SELECT email FROM admins",
                        "CREATE UNIQUE INDEX accounts_email_key ON accounts (email)"));
        // WHEN the merge runs; THEN the unique index accepts the 2 000 copied emails
        seedThenMigrate("merged_emails", chain);
    }

    @Test
    void should_keep_unique_keys_apart_when_a_table_created_with_an_inline_unique_takes_both() throws SQLException {
        // GIVEN two tables of object keys, each unique, that a later migration merges into a table whose CREATE TABLE
        // declares the key unique on the column itself (Ente's 27_consolidate_files_table: the seeder's values were
        // 'amber-0', … in both, the merge failed on the first, and the files table was emptied for the rest)
        List<List<String>> chain = List.of(
                List.of("CREATE TABLE file_object_keys (file_id bigint PRIMARY KEY, object_key text UNIQUE NOT NULL)",
                        "CREATE TABLE thumbnail_object_keys (file_id bigint PRIMARY KEY, object_key text UNIQUE NOT NULL)"),
                List.of("""
                        CREATE TABLE IF NOT EXISTS object_keys (file_id bigint NOT NULL, o_type text NOT NULL,
                            object_key TEXT UNIQUE NOT NULL, PRIMARY KEY (file_id, o_type))""",
                        "INSERT INTO object_keys (file_id, o_type, object_key) SELECT file_id, 'file', object_key "
                                + "FROM file_object_keys",
                        "INSERT INTO object_keys (file_id, o_type, object_key) SELECT file_id, 'thumbnail', object_key "
                                + "FROM thumbnail_object_keys"));
        assertThat(DemandParser.of(chain.get(1).get(0))).containsExactlyInAnyOrder(
                new DemandParser.Unique("object_keys", List.of("object_key")),
                new DemandParser.Unique("object_keys", List.of("file_id", "o_type")),
                new DemandParser.NotNull("object_keys", "file_id"), new DemandParser.NotNull("object_keys", "o_type"));
        // WHEN the merge runs; THEN the unique column takes the 2 000 copied keys
        seedThenMigrate("merged_object_keys", chain);
    }

    /** Runs the chain's first migration, seeds 1 000 rows per table with its demands, then runs the second. */
    private static void seedThenMigrate(String database, List<List<String>> chain) throws SQLException {
        try (ScratchDatabase db = server.createDatabase(database);
             Connection connection = db.dataSource().getConnection()) {
            for (String statement : chain.get(0)) {
                execute(connection, statement);
            }
            Seeder.seed(connection, SeedOptions.defaults().rows(1_000), ChainDemands.of(chain));
            for (String statement : chain.get(1)) {
                execute(connection, statement);
            }
        }
    }

    @Test
    void should_fail_those_casts_on_rows_generated_without_the_demands() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("no_demands");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN the same table filled for today's schema only
            execute(connection, TABLE);
            Seeder.seed(connection, SeedOptions.defaults().rows(2_000));
            for (String statement : CHAIN.get(1)) {
                execute(connection, statement);
            }

            // THEN the cast fails on random text: what the demands prevent
            Throwable failure = catchThrowable(() -> execute(connection, CHAIN.get(2).get(0)));
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).startsWith("22");
        }
    }

    @Test
    void should_generate_references_that_a_later_foreign_key_validates() throws SQLException {
        // GIVEN accounts and orders without a key between them, and a later migration that adds and validates one
        String tables = "CREATE TABLE accounts (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text);"
                + "CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                + "account_id bigint NOT NULL, code text)";
        String later = "ALTER TABLE public.orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) "
                + "REFERENCES accounts (id)";
        try (ScratchDatabase db = server.createDatabase("later_fk");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, tables);

            // WHEN the tables are filled with the chain in mind
            Seeder.seed(connection, SeedOptions.defaults().rows(2_000), ChainDemands.of(List.of(List.of(later))));

            // THEN every order references an account, so the key validates, as it did on production's rows
            execute(connection, later);
        }
    }

    @Test
    void should_generate_references_that_a_later_foreign_key_to_the_table_itself_validates() throws SQLException {
        // GIVEN Fineract's offices (a serial key, a nullable parent) and groups (a key of their own, a NOT NULL
        // parent), and later migrations that add a key from each table to itself: before, the generated parents
        // referred to rows that did not exist, and the tables were emptied when the keys were added
        String tables = "CREATE TABLE m_office (id bigserial PRIMARY KEY, parent_id bigint DEFAULT NULL, name text);"
                + "CREATE TABLE m_group (id bigint PRIMARY KEY, parent_id bigint NOT NULL, name text)";
        String offices = "ALTER TABLE public.m_office ADD CONSTRAINT fk2291c477e2551dcc FOREIGN KEY (parent_id) "
                + "REFERENCES public.m_office (id) ON UPDATE RESTRICT ON DELETE RESTRICT";
        String groups = "ALTER TABLE m_group ADD FOREIGN KEY (parent_id) REFERENCES m_group";
        try (ScratchDatabase db = server.createDatabase("later_self_fk");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, tables);

            // WHEN the tables are filled with the chain in mind
            Seeder.seed(connection, SeedOptions.defaults().rows(2_000),
                    ChainDemands.of(List.of(List.of(offices), List.of(groups))));

            // THEN every parent is NULL or a row of the table, so both keys validate over all 2 000 rows
            execute(connection, offices);
            execute(connection, groups);
            try (Statement statement = connection.createStatement();
                 ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM m_office), "
                         + "(SELECT count(*) FROM m_group), (SELECT count(DISTINCT parent_id) FROM m_group)")) {
                counts.next();
                assertThat(counts.getLong(1)).isEqualTo(2_000);
                assertThat(counts.getLong(2)).isEqualTo(2_000);
                assertThat(counts.getLong(3)).as("groups' distinct parents").isGreaterThan(1);
            }
        }
    }

    @Test
    void should_leave_a_nullable_later_key_null_while_its_parent_does_not_exist() throws SQLException {
        // GIVEN Fineract's order: clients are created (and seeded) before the code values their later key refers to
        String client = "ALTER TABLE m_client ADD CONSTRAINT fk1_m_client_gender_m_code_value FOREIGN KEY (gender_cv_id) "
                + "REFERENCES m_code_value (id)";
        ChainDemands demands = ChainDemands.of(List.of(List.of("CREATE TABLE m_code_value (id bigserial PRIMARY KEY)"),
                List.of(client)));
        try (ScratchDatabase db = server.createDatabase("later_fk_parent_later");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, "CREATE TABLE m_client (id bigserial PRIMARY KEY, gender_cv_id bigint, "
                    + "office_id bigint NOT NULL)");
            Seeder.seed(connection, SeedOptions.defaults().rows(500), demands);

            // WHEN the parent is created and filled, as the next migrations do
            execute(connection, "CREATE TABLE m_code_value (id bigserial PRIMARY KEY)");
            Seeder.seed(connection, SeedOptions.defaults().rows(500), demands);

            // THEN the key validates over the clients' rows (before: random ids the code values never held)
            execute(connection, client);
        }
    }

    @Test
    void should_leave_out_only_the_later_key_that_closes_a_cycle_of_not_null_keys() throws SQLException {
        // GIVEN later keys from clients to code values, and both ways between loans and their transactions (NOT NULL:
        // no order of filling meets both)
        String tables = "CREATE TABLE code_value (id bigserial PRIMARY KEY);"
                + "CREATE TABLE client (id bigserial PRIMARY KEY, gender_cv_id bigint);"
                + "CREATE TABLE loan (id bigserial PRIMARY KEY, last_tx_id bigint NOT NULL);"
                + "CREATE TABLE loan_tx (id bigserial PRIMARY KEY, loan_id bigint NOT NULL)";
        String client = "ALTER TABLE client ADD FOREIGN KEY (gender_cv_id) REFERENCES code_value (id)";
        String transactions = "ALTER TABLE loan_tx ADD FOREIGN KEY (loan_id) REFERENCES loan (id)";
        String loans = "ALTER TABLE loan ADD FOREIGN KEY (last_tx_id) REFERENCES loan_tx (id)";
        try (ScratchDatabase db = server.createDatabase("later_fk_cycle");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, tables);

            Seeder.seed(connection, SeedOptions.defaults().rows(500),
                    ChainDemands.of(List.of(List.of(client), List.of(transactions), List.of(loans))));

            // THEN the clients' key and one key of the cycle validate (before: every later key was left out once
            // any closed a cycle, and the clients' failed too)
            execute(connection, client);
            long validated = 0;
            for (String key : List.of(transactions, loans)) {
                try {
                    execute(connection, key);
                    validated++;
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).isEqualTo("23503");
                }
            }
            assertThat(validated).as("keys of the cycle that validate").isOne();
        }
    }

    @Test
    void should_fail_that_foreign_key_on_rows_generated_without_the_demand() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("no_later_fk");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, "CREATE TABLE accounts (id bigint PRIMARY KEY);"
                    + "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL)");
            Seeder.seed(connection, SeedOptions.defaults().rows(2_000));

            Throwable failure = catchThrowable(() -> execute(connection,
                    "ALTER TABLE orders ADD FOREIGN KEY (account_id) REFERENCES accounts"));
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("23503");
        }
    }

    @Test
    void should_read_a_later_foreign_key_without_parent_columns_as_the_parent_primary_key() throws SQLException {
        ChainDemands demands = ChainDemands.of(List.of(List.of(
                "ALTER TABLE ONLY orders ADD FOREIGN KEY (account_id) REFERENCES \"Billing\".accounts NOT VALID")));
        ColumnInfo id = new ColumnInfo(1, "id", new PgType("bigint", TypeKind.BIGINT, -1, List.of(), null, false,
                List.of(), null), true, false, false, null, null);
        ColumnInfo accountId = new ColumnInfo(2, "account_id", id.type(), true, false, false, null, null);
        TableInfo accounts = new TableInfo(10, "Billing", "accounts", List.of(id),
                List.of(new TableInfo.UniqueKey("accounts_pkey", List.of(1), true)), List.of(), List.of(), null);
        TableInfo orders = new TableInfo(20, "public", "orders", List.of(id, accountId), List.of(), List.of(),
                List.of(), null);

        TableInfo shaped = demands.applyTo(orders, written -> ChainDemands.named(List.of(accounts, orders), written));

        assertThat(shaped.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.attnums()).containsExactly(2);
            assertThat(fk.parentOid()).isEqualTo(10);
            assertThat(fk.parentAttnums()).containsExactly(1);
        });
        assertThat(demands.applyTo(orders, written -> null)).isEqualTo(orders); // no parent yet: nothing to reference
    }

    @Test
    void should_fill_the_json_keys_a_later_not_null_generated_column_reads() throws SQLException {
        // GIVEN Kestra's kv_metadata (V1_46) and its V1_49, which adds a NOT NULL generated column computed from two
        // keys no generated column of today reads
        String table = """
                CREATE TABLE kv_metadata ("key" varchar(768) NOT NULL PRIMARY KEY, "value" jsonb NOT NULL,
                    "name" varchar(350) NOT NULL GENERATED ALWAYS AS (value ->> 'name') STORED)""";
        String parse = "CREATE FUNCTION parse_iso8601_datetime(text) RETURNS timestamptz LANGUAGE SQL IMMUTABLE "
                + "RETURN $1::timestamptz"; // Kestra's V1_1: a cast to timestamptz is not immutable by itself
        String later = "ALTER TABLE kv_metadata ADD COLUMN \"created\" TIMESTAMPTZ NOT NULL GENERATED ALWAYS AS "
                + "(PARSE_ISO8601_DATETIME(COALESCE(value ->> 'created', value ->> 'updated'))) STORED";
        ChainDemands demands = ChainDemands.of(List.of(List.of(parse, table), List.of(later)));
        try (ScratchDatabase db = server.createDatabase("later_generated");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, parse);
            execute(connection, table);

            // WHEN the table is filled with the chain in mind
            Seeder.seed(connection, SeedOptions.defaults().rows(500), demands);

            // THEN the later column can be added: every row carries a timestamp under one of its keys
            execute(connection, later);
            try (Statement statement = connection.createStatement();
                 java.sql.ResultSet rows = statement.executeQuery("SELECT count(*), count(created) FROM kv_metadata")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(500);
                assertThat(rows.getLong(2)).isEqualTo(500);
            }
        }
    }

    @Test
    void should_give_a_column_values_that_a_later_check_it_cannot_read_accepts() throws SQLException {
        // GIVEN a code column that a later migration constrains with a regular expression (not read into value rules)
        String table = "CREATE TABLE vouchers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL, "
                + "note text)";
        String later = "ALTER TABLE vouchers ADD CONSTRAINT code_format CHECK (code ~ '^[A-Z]{3}-[0-9]{4}$')";
        ChainDemands demands = ChainDemands.of(List.of(List.of(table), List.of(later)));
        try (ScratchDatabase db = server.createDatabase("later_regex");
             Connection connection = db.dataSource().getConnection()) {
            execute(connection, table);

            // WHEN filled with the chain in mind
            Seeder.seed(connection, SeedOptions.defaults().rows(500), demands);

            // THEN the constraint validates on every generated row, and only the constrained column was judged
            execute(connection, later);
            assertThat(demands.columnDemands(new CatalogReader(connection).tables().get(0)))
                    .extracting(ColumnDemand::column).containsExactly("code");
        }
    }

    @Test
    void should_read_a_later_generated_column_but_leave_it_out_once_it_exists() {
        ChainDemands demands = ChainDemands.of(List.of(List.of("ALTER TABLE ONLY public.kv ADD COLUMN IF NOT EXISTS "
                + "created timestamptz NOT NULL GENERATED ALWAYS AS ((value ->> 'created')::timestamptz) STORED")));
        TableInfo before = new TableInfo(1, "public", "kv", List.of(column(1, "value", TypeKind.TEXT)), List.of(),
                List.of(), List.of(), null);
        TableInfo after = new TableInfo(1, "public", "kv", List.of(column(1, "value", TypeKind.TEXT),
                column(2, "created", TypeKind.TEXT)), List.of(), List.of(), List.of(), null);

        assertThat(demands.applyTo(before).laterGenerated()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("created");
            assertThat(c.type().kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
            assertThat(c.generationExpr()).isEqualTo("(value ->> 'created')::timestamptz");
        });
        assertThat(demands.applyTo(after).laterGenerated()).isEmpty();
    }

    /** A document table whose data_id references a data table's id. */
    private static TableInfo documentReferencingData() {
        return new TableInfo(1, "public", "document", List.of(column(1, "id", TypeKind.INTEGER),
                column(2, "data_id", TypeKind.INTEGER)), List.of(), List.of(new TableInfo.ForeignKey("document_data_fk",
                List.of(2), 9, List.of(1))), List.of(), null);
    }

    private static ColumnInfo column(int attnum, String name, TypeKind kind) {
        PgType type = new PgType(kind == TypeKind.VARCHAR ? "character varying(12)" : "text", kind,
                kind == TypeKind.VARCHAR ? 16 : -1, List.of(), null, false, List.of(),
                kind == TypeKind.VARCHAR ? "varchar" : "text");
        return new ColumnInfo(attnum, name, type, false, false, false, null, null);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
