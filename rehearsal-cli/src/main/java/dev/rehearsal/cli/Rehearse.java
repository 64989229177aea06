package dev.rehearsal.cli;

import dev.rehearsal.runner.core.ExitCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * The {@code rehearse} command. {@link #commandLine()} builds it with Rehearsal's exit codes and error handling, so
 * that tests run it in-process with {@code execute(...)} and capture its output.
 */
public final class Rehearse {

    private Rehearse() {
    }

    /**
     * Runs the command and exits with its code. Standard output and error are masked too, so that log lines
     * (--verbose) never show a password or a secret placeholder value either.
     */
    public static void main(String[] args) {
        AtomicReference<UnaryOperator<String>> secrets = new AtomicReference<>(UnaryOperator.identity());
        System.setOut(MaskedOutput.stream(System.out, text -> secrets.get().apply(text)));
        System.setErr(MaskedOutput.stream(System.err, text -> secrets.get().apply(text)));
        CommandLine commandLine = commandLine();
        ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).secretsKnown = secrets::set;
        int code = commandLine.execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The command, with errors printed as one message (stack trace only with --verbose) and mapped to exit codes. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RehearseCommand());
        commandLine.setExecutionExceptionHandler(Rehearse::handle);
        commandLine.setParameterExceptionHandler(Rehearse::handleParameters);
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

    /** A mistyped command line gets one line that says what is wrong and where the options are, not the whole help. */
    private static int handleParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = String.valueOf(e.getMessage()).strip();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        err.println("rehearse: " + message + (message.endsWith(".") ? "" : ".") + " Run '" + help
                + "' for the options.");
        err.flush();
        return ExitCode.BAD_INPUT.code();
    }
}
