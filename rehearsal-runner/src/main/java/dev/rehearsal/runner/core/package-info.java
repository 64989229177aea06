/**
 * The vocabulary every package of the engine shares: {@link dev.rehearsal.runner.core.RehearsalException} with its
 * {@link dev.rehearsal.runner.core.ErrorCode} and {@link dev.rehearsal.runner.core.ExitCode}, the
 * {@link dev.rehearsal.runner.core.RehearsalListener}, {@link dev.rehearsal.runner.core.RunTimings} and
 * {@link dev.rehearsal.runner.core.BuildInfo}. It depends on no other package of the engine except the public
 * {@code source} values the listener names, so that the internal packages can use it without a cycle.
 */
package dev.rehearsal.runner.core;
