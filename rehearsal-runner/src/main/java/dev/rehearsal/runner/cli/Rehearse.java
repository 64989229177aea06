package dev.rehearsal.runner.cli;

import dev.rehearsal.runner.ExitCode;
import dev.rehearsal.runner.RehearsalException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code rehearse} command. {@link #commandLine()} builds it with Rehearsal's exit codes and error handling, so
 * that tests run it in-process with {@code execute(...)} and capture its output.
 */
public final class Rehearse {

    private Rehearse() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, with errors printed as one message (stack trace only with --verbose) and mapped to exit codes. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RehearseCommand());
        commandLine.setExecutionExceptionHandler(Rehearse::handle);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof RehearsalException r ? r.exitCode().code()
                : e instanceof CommandLine.ParameterException ? ExitCode.BAD_INPUT.code()
                : ExitCode.INFRASTRUCTURE.code());
        return commandLine;
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        if (e instanceof RehearsalException r) {
            err.println("rehearse: " + r.getMessage());
            if (verbose) {
                r.printStackTrace(err);
            }
            err.flush();
            return r.exitCode().code();
        }
        err.println("rehearse: unexpected error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INFRASTRUCTURE.code();
    }
}
