/**
 * The result of a rehearsal as immutable values. {@link dev.rehearsal.report.Report} is the root;
 * its JSON form ({@code report.json}) is a stable contract: fields are added, never renamed.
 */
package dev.rehearsal.report;
