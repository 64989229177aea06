package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.internal.util.Millis;
import java.util.Map;

/** Builds the {@link Report} value from the run's state; the verdict follows the policy. */
public final class ReportAssembler {

    private ReportAssembler() {
    }

    public static Report assemble(RunState state, RunStatus status, String reason, Policy policy,
            Map<String, String> settings) {
        RunState.Snapshot s = state.snapshot();
        Report draft = new Report(Report.SCHEMA_VERSION, BuildInfo.rehearsalVersion(), status, reason, s.startedAt(),
                Millis.round(s.elapsedMs()), s.postgres() == null ? new PostgresInfo(null, 0, null) : s.postgres(),
                settings, s.source() == null ? new SourceInfo(null, null) : s.source(), s.migrations(),
                s.runFindings(), Verdict.PASS, s.appliedHistory());
        boolean failing = status != RunStatus.COMPLETE || draft.allFindings().stream().anyMatch(f -> fails(f, policy));
        return new Report(draft.schemaVersion(), draft.rehearsalVersion(), draft.status(), draft.statusReason(),
                draft.startedAt(), draft.durationMs(), draft.postgres(), draft.settings(), draft.source(),
                draft.migrations(), draft.findings(), failing ? Verdict.FAIL : Verdict.PASS, draft.appliedHistory());
    }

    static boolean fails(Finding finding, Policy policy) {
        return finding.isActive() && finding.severity().isAtLeast(policy.failOn());
    }
}
