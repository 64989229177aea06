/**
 * The configuration model: {@link dev.rehearsal.runner.config.RehearsalConfig} composed of the records
 * {@link dev.rehearsal.runner.config.Server}, {@link dev.rehearsal.runner.config.Sources},
 * {@link dev.rehearsal.runner.config.Seeding}, {@link dev.rehearsal.runner.config.Load},
 * {@link dev.rehearsal.runner.config.Timeouts} and {@link dev.rehearsal.runner.config.Policy}, and the catalogue
 * {@link dev.rehearsal.runner.config.ConfigOption} every front door maps.
 */
package dev.rehearsal.runner.config;
