/**
 * Where migrations come from. A {@link dev.rehearsal.runner.source.MigrationSource} reads a location
 * (a directory or a class-path location) in one layout (Flyway, golang-migrate) and yields
 * {@link dev.rehearsal.runner.source.Migration}s in the order they are applied, each split into statements with
 * their line numbers.
 */
package dev.rehearsal.runner.source;
