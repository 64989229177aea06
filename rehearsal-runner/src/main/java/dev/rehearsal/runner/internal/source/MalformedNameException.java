package dev.rehearsal.runner.internal.source;

/** A file name that looks like a migration but does not parse; the message says why. */
final class MalformedNameException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedNameException(String reason) {
        super(reason, null, false, false);
    }
}
