/**
 * Realistic rows for the tables a migration meets. {@link dev.rehearsal.runner.internal.seed.Seeder} reads the
 * catalog ({@link dev.rehearsal.runner.internal.seed.CatalogReader}), orders tables parents first
 * ({@code TableOrder}), plans each table's columns ({@link dev.rehearsal.runner.internal.seed.RowPlanner}: unique
 * keys, foreign keys, CHECK rules, partitions, NULLs) and streams rows through COPY ({@code TableSeeder}).
 * The write load reuses the row plans for its INSERTs.
 */
package dev.rehearsal.runner.internal.seed;
