package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.load;
import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseLayoutTest {

    private static final String XML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
            """;

    @TempDir
    Path dir;

    @Test
    void should_detect_a_master_changelog_and_trace_liquibase_sql_up_and_rollback() {
        // GIVEN an XML master with an automatic rollback, an explicit one, and raw SQL Liquibase cannot undo
        write(dir, "db.changelog-master.xml", XML_HEAD + """
                    <changeSet id="1" author="ann">
                        <createTable tableName="users">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="ann">
                        <sql>UPDATE users SET id = id</sql>
                        <rollback>SELECT 1</rollback>
                    </changeSet>
                    <changeSet id="3" author="bob">
                        <sql>DELETE FROM users</sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        // WHEN
        MigrationSet set = load(dir);

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.LIQUIBASE);
        assertThat(set.migrations()).extracting(Migration::version).containsExactly("1", "2", "3");
        assertThat(set.migrations()).extracting(Migration::description).containsExactly("1/ann", "2/ann", "3/bob");
        Migration create = set.migrations().get(0);
        assertThat(create.up().path()).endsWith("db.changelog-master.xml");
        assertThat(create.up().statements()).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("CREATE TABLE public.users (id BIGINT NOT NULL, CONSTRAINT users_pkey PRIMARY KEY (id))");
            assertThat(s.line()).isEqualTo(6);
        });
        assertThat(create.down().statements()).extracting(SqlStatement::sql)
                .containsExactly("DROP TABLE public.users");
        assertThat(create.up().transactional()).isTrue();
        assertThat(set.migrations().get(1).down().statements()).extracting(SqlStatement::sql)
                .containsExactly("SELECT 1");
        assertThat(set.migrations().get(1).up().statements()).extracting(SqlStatement::line).containsExactly(11);
        assertThat(set.migrations().get(2).downScript()).isEmpty();
    }

    @Test
    void should_send_load_data_rows_as_inserts_and_name_the_public_schema_in_generated_rollbacks() {
        // GIVEN rows loaded from a CSV with prepared statements, and a primary key Liquibase drops by looking it up
        write(dir, "db.changelog-master.xml", XML_HEAD + """
                    <changeSet id="1" author="ann">
                        <createTable tableName="tags"><column name="id" type="int"/><column name="name" type="text"/></createTable>
                        <addPrimaryKey tableName="tags" columnNames="id"/>
                    </changeSet>
                    <changeSet id="2" author="ann">
                        <loadData tableName="tags" file="tags.csv" relativeToChangelogFile="true" usePreparedStatements="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write(dir, "tags.csv", "id,name\n1,red\n2,blue\n");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).down().statements().get(0).sql())
                .contains("TABLE_SCHEMA = 'public'").doesNotContain("null");
        assertThat(set.migrations().get(1).up().statements()).extracting(SqlStatement::sql)
                .containsExactly("INSERT INTO public.tags (id, name) VALUES ('1', 'red'),('2', 'blue');");
        assertThat(set.migrations().get(1).downScript()).as("Liquibase has no automatic rollback for loadData").isEmpty();
    }

    @Test
    void should_honour_run_in_transaction_false_for_a_concurrent_index() {
        write(dir, "changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: orders
                      author: ann
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: bigint}
                  - changeSet:
                      id: orders-index
                      author: ann
                      runInTransaction: false
                      changes:
                        - sql: CREATE INDEX CONCURRENTLY orders_id ON orders (id)
                      rollback:
                        - sql: DROP INDEX CONCURRENTLY orders_id
                """);

        MigrationSet set = load(dir);

        Migration index = set.migrations().get(1);
        assertThat(index.up().transactional()).isFalse();
        assertThat(index.up().statements()).singleElement().satisfies(s -> {
            assertThat(s.canRunInTransaction()).isFalse();
            assertThat(s.line()).isEqualTo(11);
        });
        assertThat(index.down().statements()).extracting(SqlStatement::sql)
                .containsExactly("DROP INDEX CONCURRENTLY orders_id");
    }

    @Test
    void should_refuse_a_concurrent_index_in_a_transactional_change_set() {
        write(dir, "changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: orders-index
                      author: ann
                      changes:
                        - sql: CREATE INDEX CONCURRENTLY orders_id ON orders (id)
                """);

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).contains("changelog.yaml line 3 (changeSet orders-index/ann)")
                .contains("runInTransaction=\"false\"");
    }

    @Test
    void should_read_formatted_sql_with_contexts_labels_and_properties() {
        write(dir, "db.changelog-master.sql", """
                --liquibase formatted sql

                --changeset ann:1
                CREATE TABLE ${table} (id int);
                --rollback DROP TABLE ${table};

                --changeset ann:2 context:test
                INSERT INTO ${table} VALUES (1);

                --changeset ann:3 labels:v2
                ALTER TABLE ${table} ADD COLUMN name text;
                --rollback ALTER TABLE ${table} DROP COLUMN name;
                """);
        SourceOptions options = SourceOptions.defaults().withPlaceholders(Map.of("table", "people"))
                .withContexts("prod").withLabels("!v2");

        MigrationSet set = load(dir, options);

        assertThat(set.migrations()).extracting(Migration::description).containsExactly("1/ann");
        Migration create = set.migrations().get(0);
        assertThat(create.up().statements()).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE people (id int)");
        assertThat(create.up().statements()).extracting(SqlStatement::line).containsExactly(3);
        assertThat(create.down().statements()).extracting(SqlStatement::sql).containsExactly("DROP TABLE people");
        assertThat(set.warnings()).singleElement().asString().contains("2 changeSets are left out");
    }

    @Test
    void should_follow_include_and_include_all_and_read_json() {
        write(dir, "master.xml", XML_HEAD + """
                    <include file="changes/first.json" relativeToChangelogFile="true"/>
                    <includeAll path="more/" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write(dir, "changes/first.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "a", "author": "ann",
                    "changes": [{"createTable": {"tableName": "a", "columns": [{"column": {"name": "id", "type": "int"}}]}}]}}
                ]}
                """);
        write(dir, "more/002-b.sql", "--liquibase formatted sql\n--changeset ann:b\nCREATE TABLE b (id int);\n");
        write(dir, "more/001-c.sql", "--liquibase formatted sql\n--changeset ann:c\nCREATE TABLE c (id int);\n");

        MigrationSet set = load(dir);

        assertThat(set.layout()).isEqualTo(MigrationLayout.LIQUIBASE);
        assertThat(set.migrations()).extracting(Migration::description).containsExactly("a/ann", "c/ann", "b/ann");
        assertThat(set.migrations().get(0).up().path()).endsWith("changes/first.json");
        assertThat(set.migrations().get(1).up().path()).endsWith("more/001-c.sql");
        assertThat(set.migrations().get(1).downScript()).isEmpty();
    }

    @Test
    void should_find_files_a_spring_boot_changelog_names_with_the_classpath_prefix() {
        // GIVEN a changelog under a resources root that names its SQL files as Spring Boot's Liquibase finds them
        Path changelog = write(dir, "db/changelog/schema.xml", XML_HEAD + """
                    <changeSet id="1" author="ann">
                        <sqlFile path="classpath:db/changelog/backfill.sql"/>
                    </changeSet>
                    <changeSet id="2" author="ann">
                        <sqlFile path="classpath*:db/changelog/index.sql"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write(dir, "db/changelog/backfill.sql", "CREATE TABLE t (id int)");
        write(dir, "db/changelog/index.sql", "CREATE INDEX t_id ON t (id)");

        MigrationSet set = MigrationSources.at(changelog.toString(), SourceOptions.defaults()).load();

        assertThat(set.migrations()).extracting(m -> m.up().statements().get(0).sql())
                .containsExactly("CREATE TABLE t (id int)", "CREATE INDEX t_id ON t (id)");
    }

    @Test
    void should_read_a_changelog_file_given_as_the_location() {
        Path changelog = write(dir, "schema/release.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: ann
                      changes:
                        - createTable: {tableName: t, columns: [{column: {name: id, type: int}}]}
                """);

        MigrationSet set = MigrationSources.at(changelog.toString(), SourceOptions.defaults()).load();

        assertThat(set.layout()).isEqualTo(MigrationLayout.LIQUIBASE);
        assertThat(set.migrations()).hasSize(1);
    }

    @Test
    void should_refuse_a_directory_holding_a_changelog_and_flyway_scripts_naming_both() {
        write(dir, "db.changelog-master.yaml", "databaseChangeLog: []\n");
        write(dir, "V1__init.sql", "CREATE TABLE t (id int);");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.code().exitCode().code()).isEqualTo(2);
        assertThat(e.getMessage()).contains("db.changelog-master.yaml is a Liquibase changelog")
                .contains("V1__init.sql is named for flyway");
    }

    @Test
    void should_name_the_file_and_the_problem_of_a_broken_changelog() {
        write(dir, "db.changelog-master.xml", XML_HEAD + """
                    <changeSet id="1" author="ann">
                        <createTable tableName="t">
                    </changeSet>
                </databaseChangeLog>
                """);

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("Liquibase cannot read db.changelog-master.xml")
                .doesNotContain("Exception");
    }

    @Test
    void should_refuse_a_duplicate_change_set_as_liquibase_validation_does() {
        write(dir, "changelog.yaml", """
                databaseChangeLog:
                  - changeSet: {id: 1, author: ann, changes: [{sql: SELECT 1}]}
                  - changeSet: {id: 1, author: ann, changes: [{sql: SELECT 2}]}
                """);

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).contains("changelog.yaml").contains("1::ann");
    }

    @Test
    void should_say_where_it_looked_when_the_layout_is_chosen_and_no_changelog_is_there() {
        write(dir, "notes.txt", "nothing");

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> load(dir, SourceOptions.defaults().withLayout(MigrationLayout.LIQUIBASE)));

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
        assertThat(e.getMessage()).contains("No Liquibase changelog found").contains("db.changelog-master");
    }
}
