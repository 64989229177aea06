/**
 * PostgreSQL servers to rehearse on. A {@link dev.rehearsal.runner.provision.PostgresProvider} starts (or connects
 * to) a server; the server hands out {@link dev.rehearsal.runner.provision.ScratchDatabase}s that Rehearsal
 * creates, marks as its own and drops again. Rehearsal never changes a database it did not create.
 */
package dev.rehearsal.runner.provision;
