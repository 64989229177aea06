package dev.rehearsal.cli;

import dev.rehearsal.runner.core.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code rehearse}: the command-line entry with its subcommands. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = RehearseCommand.Version.class,
        subcommands = {RunCommand.class, ReportCommand.class, StatsCommand.class, BenchCommand.class},
        description = "Rehearses PostgreSQL schema migrations before they reach production.")
final class RehearseCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {CliBuild.current().line(), "Java " + System.getProperty("java.version"),
                    "PostgreSQL " + BuildInfo.OLDEST_MAJOR + "–" + BuildInfo.NEWEST_MAJOR + " (default "
                            + BuildInfo.defaultPostgresMajor() + ")"};
        }
    }
}
