package dev.rehearsal.runner.provision;

/** Starts, or connects to, the PostgreSQL server a rehearsal runs on. */
public interface PostgresProvider {

    /** {@code embedded}, {@code testcontainers} or {@code external}: how reports name the provider. */
    String name();

    /**
     * Starts or connects to the server. The caller closes it.
     *
     * @throws dev.rehearsal.runner.core.RehearsalException with an infrastructure code when the server cannot be
     *         started or reached, or a refused code when using it would be unsafe
     */
    PostgresServer start();
}
