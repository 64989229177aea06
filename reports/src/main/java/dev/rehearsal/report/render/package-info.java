/**
 * Renders one {@link dev.rehearsal.report.Report} to the formats people and CI read.
 * Every renderer is a pure function of the report: same report, same bytes.
 */
package dev.rehearsal.report.render;
