/**
 * Reading migration locations: scanning directories and class-path locations, telling the layouts apart,
 * decoding and splitting scripts with Flyway's own PostgreSQL parser, and the checks that keep a rehearsal
 * faithful to what Flyway or golang-migrate will send to production.
 */
package dev.rehearsal.runner.internal.source;
