/**
 * Catalog snapshots and their differences: what tells whether a down migration restored the schema and whether
 * running up again produced the same schema as the first time.
 *
 * <p>A {@link dev.rehearsal.runner.internal.catalog.CatalogSnapshot} lists every user object of a database with an
 * OID-free, schema-qualified definition; a {@link dev.rehearsal.runner.internal.catalog.CatalogDiff} compares two of
 * them and says, in sorted human-readable lines, what is present, absent or different. Column order is compared
 * apart, as information: PostgreSQL cannot restore it after a column was dropped and added again.
 */
package dev.rehearsal.runner.internal.catalog;
