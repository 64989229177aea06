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
 * @param template   the user's copy of production that already held the history, and which every rehearsal database
 *                   was cloned from; {@code null} when the history was applied on an empty database
 */
public record AppliedHistory(List<String> versions, String upTo, boolean cached, double durationMs,
                             TemplateDatabase template) {

    public AppliedHistory {
        versions = Lists.copy(versions);
    }

    public AppliedHistory(List<String> versions, String upTo, boolean cached, double durationMs) {
        this(versions, upTo, cached, durationMs, null);
    }

    /**
     * One line for people, e.g. {@code applied 42 migrations up to V42 without rehearsal (cached)}, or with a
     * template {@code cloned template prod_copy (12 tables, 1,204,332 rows; not seeded), which holds 42 migrations up
     * to V42}.
     */
    public String describe() {
        String held = versions.size() + (versions.size() == 1 ? " migration" : " migrations")
                + (upTo == null ? "" : " up to V" + upTo);
        return template != null ? "cloned " + template.describe() + ", which holds " + held
                : "applied " + held + " without rehearsal" + (cached ? " (cached)" : "");
    }
}
