/**
 * The engine's front door: {@link dev.rehearsal.runner.RehearsalEngine} runs a rehearsal,
 * {@link dev.rehearsal.runner.PostgresProviders} and {@link dev.rehearsal.runner.MigrationSources} make servers and
 * migration sources, {@link dev.rehearsal.runner.PlanFiles}, {@link dev.rehearsal.runner.BaselineFiles} and
 * {@link dev.rehearsal.runner.ExitSequence} serve the command line and the plugin. Besides this package only
 * {@code bench} and the configuration's {@code Server} (building its provider) reach into {@code internal}; the
 * configuration model is in {@code config}, the vocabulary every package shares (errors, exit codes, the listener,
 * timings, build facts) in {@code core}. Packages form no cycle (an ArchUnit test checks it).
 */
package dev.rehearsal.runner;
