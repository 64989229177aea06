/**
 * Where migrations come from. A {@link dev.rehearsal.runner.source.MigrationSource} reads a location
 * (a directory or a class-path location, or a Liquibase changelog file) in one layout (Flyway, golang-migrate, goose,
 * Liquibase) and yields
 * {@link dev.rehearsal.runner.source.Migration}s in the order they are applied, each split into statements with
 * their line numbers. {@link dev.rehearsal.runner.MigrationSources#at} creates one.
 *
 * <p>A Liquibase changelog is read by Liquibase itself (an optional dependency): one migration per changeSet, its
 * statements the SQL Liquibase generates for PostgreSQL, its down script the rollback Liquibase would run (explicit or
 * automatic), none when Liquibase cannot roll it back. What follows is about script files.
 *
 * <h2>How scripts are read</h2>
 * <ul>
 *   <li>Splitting, line numbers, placeholder replacement, the detection of statements that cannot run in a
 *       transaction, and checksums are Flyway's own (its PostgreSQL parser and checksum calculator), so the rehearsal
 *       sees what production runs. golang-migrate scripts are split with the same parser, without placeholders.</li>
 *   <li>Scripts are UTF-8; a byte order mark is dropped, any other byte that is not UTF-8 is an error naming its
 *       line and byte offset.</li>
 *   <li>Placeholders: the user's values plus Flyway's built-ins as a default PostgreSQL setup fills them
 *       ({@code flyway:defaultSchema}=public, {@code flyway:user}=postgres, {@code flyway:database}=postgres,
 *       {@code flyway:table}=flyway_schema_history, {@code flyway:filename}, {@code flyway:timestamp},
 *       {@code flyway:workingDirectory}, {@code flyway:environment}=default, {@code flyway:schemas} empty); a user
 *       value with a built-in's name overrides it. Names are case-insensitive. A placeholder without a value is an
 *       error, as in Flyway.</li>
 *   <li>A script without statements is accepted (Flyway and golang-migrate apply it as a no-op) and named in
 *       {@link dev.rehearsal.runner.source.MigrationSet#warnings()}.</li>
 *   <li>{@code COPY … FROM STDIN} with its rows is supported in Flyway scripts (the rows are in
 *       {@link dev.rehearsal.runner.source.SqlStatement#copyData()}); it is refused in golang-migrate scripts, which
 *       that tool cannot send.</li>
 *   <li>Refused: psql meta-commands ({@code \i}, {@code \set}, …); transaction control in a Flyway script unless its
 *       {@code .sql.conf} says {@code executeInTransaction=false}; in a golang-migrate script any transaction control
 *       other than one {@code BEGIN; … COMMIT;} around the whole file, which is removed and recorded as
 *       {@code executeInTransaction=true}.</li>
 *   <li>Ignored with one warning line each: files that are not migrations, Flyway callbacks and baseline
 *       migrations, {@code .sql.conf} files without their script. A file that looks like a migration but whose name
 *       does not parse ({@code V1_init.sql}, {@code 1_init.sql}, {@code V1__init.sql.bak}) is an error at the top
 *       of the location or beside migrations: the migration tool would skip it without a word. In a subdirectory
 *       without a migration (manual rollback scripts kept in the location) it is left out with a warning.</li>
 * </ul>
 */
package dev.rehearsal.runner.source;
