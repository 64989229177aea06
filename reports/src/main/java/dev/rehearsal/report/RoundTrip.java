package dev.rehearsal.report;

import java.util.List;

/**
 * The three steps of a migration's rehearsal and what the catalog comparisons found.
 *
 * @param up             the first application of the up script
 * @param down           the down script; {@code missing} when the migration has none
 * @param reup           the up script applied again after down
 * @param schemaRestored whether the catalog after down equals the catalog before up; {@code null} when not compared
 * @param diff           differences between before-up and after-down, one readable line each
 * @param reupMatches    whether the catalog after up-again equals the one after the first up; {@code null} when not compared
 * @param reupDiff       differences between after-up and after-up-again
 * @param columnOrder    column order differences (informational: they rarely matter, but {@code SELECT *} sees them)
 * @param failure        the error that stopped the round trip, {@code null} when none did
 */
public record RoundTrip(
        StepStatus up,
        StepStatus down,
        StepStatus reup,
        Boolean schemaRestored,
        List<String> diff,
        Boolean reupMatches,
        List<String> reupDiff,
        List<String> columnOrder,
        StepFailure failure) {

    public RoundTrip {
        diff = Lists.copy(diff);
        reupDiff = Lists.copy(reupDiff);
        columnOrder = Lists.copy(columnOrder);
    }

    /** A round trip for a migration that was never attempted because an earlier one failed. */
    public static RoundTrip notRun() {
        return new RoundTrip(StepStatus.NOT_RUN, StepStatus.NOT_RUN, StepStatus.NOT_RUN, null, List.of(), null,
                List.of(), List.of(), null);
    }
}
