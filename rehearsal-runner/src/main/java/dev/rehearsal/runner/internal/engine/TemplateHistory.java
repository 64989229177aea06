package dev.rehearsal.runner.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a copy of production says it holds, read from its migration tool's history table (in a clone, never in the
 * template): Flyway's {@code flyway_schema_history}, goose's {@code goose_db_version}, golang-migrate's and dbmate's
 * {@code schema_migrations}, Liquibase's {@code databasechangelog}, Prisma's {@code _prisma_migrations}.
 *
 * @param table      the table read, schema-qualified
 * @param tool       the migration tool that writes it
 * @param versions   the versions applied, in the order applied
 * @param upTo       everything up to this version counts as applied (a Flyway baseline, golang-migrate's one row);
 *                   {@code null} when there is no such bound
 * @param checksums  Flyway's checksum of each applied version; empty for the other tools
 * @param repeatables Flyway's repeatable migrations by script name, with the checksum applied last
 * @param problem    why the history cannot be trusted (a failed or dirty migration); {@code null} when it can
 */
record TemplateHistory(String table, Tool tool, List<String> versions, String upTo, Map<String, Integer> checksums,
                       Map<String, Integer> repeatables, String problem) {

    /** The migration tool whose history table it is. */
    enum Tool {
        FLYWAY("flyway_schema_history"), GOOSE("goose_db_version"), GOLANG_MIGRATE("schema_migrations"),
        DBMATE("schema_migrations"), LIQUIBASE("databasechangelog"), PRISMA("_prisma_migrations");

        final String table;

        Tool(String table) {
            this.table = table;
        }
    }

    /** The tables looked for, in this order. */
    static final List<String> TABLES = List.of("flyway_schema_history", "goose_db_version", "schema_migrations",
            "databasechangelog", "_prisma_migrations");

    /** The history table of the database, or {@code null} when it has none of the known ones. */
    static TemplateHistory read(Connection connection) throws SQLException {
        String table = null;
        String name = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT format('%I.%I', n.nspname, c.relname), "
                + "c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                + "AND lower(c.relname) = ANY (?) ORDER BY array_position(?, lower(c.relname)::text), "
                + "n.nspname = current_schema() DESC, n.nspname LIMIT 1")) {
            java.sql.Array names = connection.createArrayOf("text", TABLES.toArray());
            query.setArray(1, names);
            query.setArray(2, names);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    table = rs.getString(1);
                    name = rs.getString(2).toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        if (table == null) {
            return null;
        }
        return switch (name) {
            case "flyway_schema_history" -> flyway(connection, table);
            case "goose_db_version" -> goose(connection, table);
            case "_prisma_migrations" -> prisma(connection, table);
            case "schema_migrations" -> hasColumn(connection, table, "dirty") ? golangMigrate(connection, table)
                    : dbmate(connection, table);
            default -> new TemplateHistory(table, Tool.LIQUIBASE, List.of(), null, Map.of(), Map.of(), null);
        };
    }

    private static TemplateHistory flyway(Connection connection, String table) throws SQLException {
        Map<String, Integer> applied = new LinkedHashMap<>();
        Map<String, Integer> repeatables = new LinkedHashMap<>();
        String baseline = null;
        String problem = null;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, checksum, success, type, script FROM " + table
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                Integer checksum = (Integer) rs.getObject(2);
                String type = String.valueOf(rs.getString(4));
                if (!rs.getBoolean(3)) {
                    problem = (version == null ? rs.getString(5) : "V" + version) + " failed in it (success = false); "
                            + "repair the copy first (flyway repair on a copy, or a clone taken before the failure)";
                } else if (type.contains("BASELINE")) {
                    baseline = version;
                } else if (type.startsWith("UNDO") || type.equals("DELETE")) { // undone, or removed by repair
                    applied.remove(version);
                } else if (version == null) {
                    repeatables.put(rs.getString(5), checksum);
                } else {
                    applied.put(version, checksum);
                }
            }
        }
        List<String> versions = new ArrayList<>(applied.keySet());
        Map<String, Integer> checksums = new LinkedHashMap<>();
        applied.forEach((version, checksum) -> {
            if (checksum != null) {
                checksums.put(version, checksum);
            }
        });
        return new TemplateHistory(table, Tool.FLYWAY, versions, baseline, checksums, repeatables, problem);
    }

    /** goose writes a row for each up and each down; the last row of a version says whether it is applied. */
    private static TemplateHistory goose(Connection connection, String table) throws SQLException {
        Map<String, Boolean> state = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version_id, is_applied FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                String version = Long.toString(rs.getLong(1));
                state.remove(version);
                if (!"0".equals(version)) { // goose's own first row
                    state.put(version, rs.getBoolean(2));
                }
            }
        }
        List<String> versions = state.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        return new TemplateHistory(table, Tool.GOOSE, versions, null, Map.of(), Map.of(), null);
    }

    /** golang-migrate keeps one row: the current version, and whether the migration to it failed halfway. */
    private static TemplateHistory golangMigrate(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, dirty FROM " + table)) {
            if (!rs.next()) {
                return new TemplateHistory(table, Tool.GOLANG_MIGRATE, List.of(), null, Map.of(), Map.of(), null);
            }
            String version = Long.toString(rs.getLong(1));
            String problem = rs.getBoolean(2) ? "version " + version + " is dirty (its migration failed halfway); "
                    + "clean the copy first (migrate force on a copy, or a clone taken before the failure)" : null;
            return new TemplateHistory(table, Tool.GOLANG_MIGRATE, List.of(version), version, Map.of(), Map.of(),
                    problem);
        }
    }

    private static TemplateHistory dbmate(Connection connection, String table) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version::text FROM " + table + " ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return new TemplateHistory(table, Tool.DBMATE, versions, null, Map.of(), Map.of(), null);
    }

    /**
     * Prisma writes a row when it starts a migration and sets {@code finished_at} when it ends; a row without it and
     * without {@code rolled_back_at} is a migration that failed, which blocks {@code prisma migrate deploy}. A rolled
     * back row does not count: Prisma applies that migration again. The version is the folder name's timestamp, as
     * the chain names it.
     */
    private static TemplateHistory prisma(Connection connection, String table) throws SQLException {
        List<String> versions = new ArrayList<>();
        String problem = null;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT migration_name, finished_at IS NOT NULL, rolled_back_at IS "
                     + "NOT NULL FROM " + table + " ORDER BY started_at, migration_name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (rs.getBoolean(3)) {
                    continue;
                }
                if (!rs.getBoolean(2)) {
                    problem = name + " failed in it (finished_at and rolled_back_at are NULL); resolve it first"
                            + " (prisma migrate resolve on a copy, or a clone taken before the failure)";
                    continue;
                }
                String version = name.replaceFirst("^([0-9]+)_.*$", "$1");
                if (!versions.contains(version)) {
                    versions.add(version);
                }
            }
        }
        return new TemplateHistory(table, Tool.PRISMA, versions, null, Map.of(), Map.of(), problem);
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_attribute WHERE attrelid = "
                + "?::regclass AND attname = ? AND NOT attisdropped")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
