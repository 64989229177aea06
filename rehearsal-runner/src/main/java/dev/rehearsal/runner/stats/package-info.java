/**
 * What production holds, as sizes only: {@link dev.rehearsal.runner.stats.ProductionStats} is read from the JSON file
 * that {@link dev.rehearsal.runner.stats.ProductionStatsQuery#SQL} writes on the production server (the planner's row
 * estimate, pages and the heap, TOAST and index sizes of each user table — no data). A rehearsal measured at seeded
 * sizes is extrapolated to these sizes.
 */
package dev.rehearsal.runner.stats;
