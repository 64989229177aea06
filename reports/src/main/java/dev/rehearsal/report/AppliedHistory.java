package dev.rehearsal.report;

import java.util.List;

/**
 * The history a pending-only rehearsal applied without rehearsing it: the migrations before the pending ones, run
 * the fast way (as Flyway would: no tracing, no round trip).
 *
 * @param versions   the versions applied, in order
 * @param upTo       the last of them
 * @param cached     whether the history came from the cached template instead of being applied in this run
 * @param durationMs wall time of applying (or cloning) the history
 */
public record AppliedHistory(List<String> versions, String upTo, boolean cached, double durationMs) {

    public AppliedHistory {
        versions = Lists.copy(versions);
    }

    /** One line for people, e.g. {@code applied 42 migrations up to V42 without rehearsal (cached)}. */
    public String describe() {
        return "applied " + versions.size() + (versions.size() == 1 ? " migration" : " migrations")
                + (upTo == null ? "" : " up to V" + upTo) + " without rehearsal" + (cached ? " (cached)" : "");
    }
}
