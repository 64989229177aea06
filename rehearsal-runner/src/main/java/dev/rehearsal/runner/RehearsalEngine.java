package dev.rehearsal.runner;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.runner.internal.engine.RehearsalRun;
import dev.rehearsal.runner.internal.engine.ReportAssembler;
import dev.rehearsal.runner.internal.engine.ReportSettings;
import dev.rehearsal.runner.internal.engine.RunState;

/**
 * Runs a rehearsal. {@link #run()} rehearses the whole chain and returns the report; if the run is cut short
 * (SIGINT, a lost server), {@link #partialReport} gives what was found so far, from any thread.
 */
public final class RehearsalEngine {

    private final RehearsalConfig config;
    private final RunState state = new RunState();

    public RehearsalEngine(RehearsalConfig config) {
        this.config = config;
    }

    /**
     * Rehearses every migration and returns the complete report.
     *
     * @throws RehearsalException when the input is bad, the server cannot be started or is lost
     */
    public Report run() {
        new RehearsalRun(config, state).execute();
        return ReportAssembler.assemble(state, RunStatus.COMPLETE, null, config.policy(), ReportSettings.of(config));
    }

    /** The report of what was rehearsed so far, marked with why it is partial. Its verdict is always fail. */
    public Report partialReport(RunStatus status, String reason) {
        return ReportAssembler.assemble(state, status, reason, config.policy(), ReportSettings.of(config));
    }

    public RehearsalConfig config() {
        return config;
    }
}
