package dev.rehearsal.junit.internal.error;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Severity;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages about findings: one that should be there, or ones that should not. */
public final class FindingsShould extends RehearsalMessage {

    private FindingsShould(String message) {
        super(message);
    }

    /** "Expecting migration V2 to have a finding RENAME_BREAKS_APP but it has: MISSING_DOWN (warning)". */
    public static ErrorMessageFactory shouldHaveFinding(String subject, String code, List<Finding> actual) {
        return new FindingsShould("Expecting " + subject + " to have a finding " + code + " but it has "
                + (actual.isEmpty() ? "none" : String.join(", ", actual.stream()
                        .map(f -> f.code() + " (" + f.severity().json() + (f.isActive() ? "" : ", suppressed") + ")")
                        .toList())));
    }

    /** "Expecting migration V2 to have no finding at or above warning but it has:\n  …". */
    public static ErrorMessageFactory shouldHaveNoFindingAtOrAbove(String subject, Severity threshold,
            List<Finding> offending) {
        return new FindingsShould("Expecting " + subject + " to have no finding at or above " + threshold.json()
                + " but it has:\n  " + list(offending));
    }

    /** "Expecting migration V2 to pass the policy (no active finding at or above error) but it has:\n  …". */
    public static ErrorMessageFactory shouldPassPolicy(String subject, Severity failOn, List<Finding> offending) {
        return shouldPassPolicy(subject, failOn, offending, java.util.Optional.empty());
    }

    /** The same, followed by the tables that were measured on fewer rows than asked, when there are any. */
    public static ErrorMessageFactory shouldPassPolicy(String subject, Severity failOn, List<Finding> offending,
            java.util.Optional<String> measuredOnFewRows) {
        return new FindingsShould("Expecting " + subject + " to pass the policy (no active finding at or above "
                + failOn.json() + ") but it has:\n  " + list(offending)
                + measuredOnFewRows.map(note -> "\n" + note).orElse(""));
    }

    /** "Expecting the rehearsal to fail but it passed: no active finding at or above error". */
    public static ErrorMessageFactory shouldFail(Severity failOn) {
        return new FindingsShould("Expecting the rehearsal to fail but it passed: no active finding at or above "
                + failOn.json());
    }

    private static String list(List<Finding> findings) {
        return String.join("\n  ", findings.stream().map(FindingsShould::line).toList());
    }

    private static String line(Finding f) {
        String where = f.script() == null ? "" : " at " + dev.rehearsal.junit.internal.Figures.fileName(f.script())
                + (f.line() == null ? "" : ":" + f.line());
        return f.code() + " (" + f.severity().json() + ")" + where + ": " + f.title();
    }
}
