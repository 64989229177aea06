package dev.rehearsal.runner;

import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.runner.internal.engine.RehearsalRun;
import dev.rehearsal.runner.internal.engine.ReportAssembler;
import dev.rehearsal.runner.internal.engine.ReportSettings;
import dev.rehearsal.runner.internal.engine.RunState;
import dev.rehearsal.runner.internal.engine.SecretRedaction;
import dev.rehearsal.runner.internal.extrapolate.Extrapolation;
import dev.rehearsal.runner.internal.extrapolate.SmallerSize;
import dev.rehearsal.runner.internal.util.SecretMask;

/**
 * Runs a rehearsal. {@link #run()} rehearses the whole chain and returns the report; if the run is cut short
 * (SIGINT, a lost server), {@link #partialReport} gives what was found so far, from any thread. Neither the reports
 * nor the exceptions carry the connection password or the value of a placeholder named like a secret.
 */
public final class RehearsalEngine {

    private final RehearsalConfig config;
    private final RunState state = new RunState();
    private final SecretMask secrets;

    public RehearsalEngine(RehearsalConfig config) {
        this.config = config;
        this.secrets = SecretRedaction.maskFor(config);
    }

    /**
     * Rehearses every migration and returns the complete report.
     *
     * @throws RehearsalException when the input is bad, the server cannot be started or is lost
     */
    public Report run() {
        try {
            RehearsalRun run = new RehearsalRun(config, state);
            if (config.productionStats() != null) {
                run.extrapolating(new Extrapolation(config.productionStats(), measureAtSmallerSize(),
                        config.listener()::note));
            }
            run.execute();
        } catch (RuntimeException e) {
            throw SecretRedaction.apply(e, secrets);
        }
        return SecretRedaction.apply(ReportAssembler.assemble(state, RunStatus.COMPLETE, null, config.policy(),
                ReportSettings.of(config)), secrets);
    }

    /**
     * Rehearses the chain once more at the smaller seeded size, on its own server, before the rehearsal at the full
     * size: the second point of every statement's fit. Its report is not shown; what it cost is a part of the timings.
     */
    private SmallerSize measureAtSmallerSize() {
        SmallerSize smaller = new SmallerSize();
        RehearsalConfig small = config.atSmallerSize();
        config.listener().note("Rehearsing at " + small.rows() + " rows per table first, to extrapolate to "
                + "production's sizes from two sizes.");
        try (RunTimings.Span span = state.timings().span(RunTimings.Part.SMALLER_SIZE)) {
            new RehearsalRun(small, new RunState()).measuringInto(smaller).execute();
        }
        return smaller;
    }

    /** The report of what was rehearsed so far, marked with why it is partial. Its verdict is always fail. */
    public Report partialReport(RunStatus status, String reason) {
        return SecretRedaction.apply(ReportAssembler.assemble(state, status, reason, config.policy(),
                ReportSettings.of(config)), secrets);
    }

    /** Masks this rehearsal's secrets in a text meant for people, e.g. a progress line. */
    public String masked(String text) {
        return secrets.apply(text);
    }

    /** Where this rehearsal's time went so far, part by part. */
    public RunTimings timings() {
        return state.timings();
    }

    public RehearsalConfig config() {
        return config;
    }
}
