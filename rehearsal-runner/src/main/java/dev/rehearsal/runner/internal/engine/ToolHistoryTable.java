package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationLayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history table a migration tool creates before it applies the first migration, created as the tool creates it
 * in the rehearsal's databases when a script of the chain names it. Production's database has it, so a migration
 * may change it: Harbor's {@code 0030_2.0.0_schema} adds a column to golang-migrate's {@code schema_migrations} in
 * its first statements, and without the table that migration failed in the rehearsal alone, its 2.0 data migration
 * unrehearsed. The table is left empty (goose's holds the version 0 row goose writes with it) and is not seeded or
 * written by the load: only the tool writes it, and Rehearsal applies the scripts itself.
 *
 * <p>Only the tools whose table Rehearsal knows for sure are covered: golang-migrate and goose. Flyway's table is
 * its own in parity runs; Liquibase, Prisma, dbmate and Django histories that name their tool's table are not
 * helped yet.
 */
record ToolHistoryTable(String name, String ddl) {

    /** golang-migrate's postgres driver, as it runs it before the first migration. */
    private static final ToolHistoryTable GOLANG_MIGRATE = new ToolHistoryTable("schema_migrations",
            "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
    /** goose's postgres dialect, with the row for version 0 it inserts with the table. */
    private static final ToolHistoryTable GOOSE = new ToolHistoryTable("goose_db_version",
            "CREATE TABLE IF NOT EXISTS goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, "
                    + "is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now(), PRIMARY KEY (id)); "
                    + "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true)");

    /** The tool's table when a script of the chain names it; {@code null} otherwise, and for other tools. */
    static ToolHistoryTable namedBy(MigrationLayout layout, List<Migration> chain) {
        ToolHistoryTable table = layout == MigrationLayout.GOLANG_MIGRATE ? GOLANG_MIGRATE
                : layout == MigrationLayout.GOOSE ? GOOSE : null;
        if (table == null) {
            return null;
        }
        return TouchedTables.namedBy(chain).test("public." + table.name()) ? table : null;
    }

    /** Whether a table the run lists ({@code schema.table}, quoted where needed) is this one, in any schema. */
    boolean is(String qualified) {
        return qualified.equals(name) || qualified.endsWith("." + name);
    }

    void create(ScratchDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not create the migration tool's "
                    + "table " + name + " in " + database.name() + ": " + e.getMessage(), e);
        }
    }
}
