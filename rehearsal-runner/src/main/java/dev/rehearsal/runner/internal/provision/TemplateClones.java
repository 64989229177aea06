package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.provision.ScratchDatabase;

/**
 * A server that clones a database the user keeps there (a copy of production: a thin clone, a branch, a restored
 * snapshot) into Rehearsal's own scratch databases. The template is only ever named in {@code CREATE DATABASE …
 * TEMPLATE}: never connected to, written to or dropped. Only a server someone else runs has such databases.
 */
public interface TemplateClones {

    /**
     * A marked scratch database cloned from {@code template}.
     *
     * @throws dev.rehearsal.runner.core.RehearsalException {@code TEMPLATE_NOT_FOUND} when the server has no such
     *         database, {@code TEMPLATE_IN_USE} when other sessions are connected to it (they are never ended),
     *         {@code INSUFFICIENT_PRIVILEGES} when the user may not clone it
     */
    ScratchDatabase cloneTemplate(String purpose, String template);

    /** Bad input: the provider's server is one Rehearsal starts empty, so it holds no copy of production. */
    static dev.rehearsal.runner.core.RehearsalException unsupported(String provider, String template) {
        return new dev.rehearsal.runner.core.RehearsalException(dev.rehearsal.runner.core.ErrorCode.INVALID_OPTION,
                "templateDatabase " + template + " names a database of a server you run (a thin clone, a branch, a "
                        + "restored snapshot), but the " + provider + " server is one Rehearsal starts empty: give "
                        + "the server's JDBC URL (--jdbc-url), or remove templateDatabase.");
    }
}
