package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code rehearse} in-process and captures what it prints, as a user would see it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... given) {
        String[] args = withReportsInTarget(given);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Rehearse.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run that names no --out would write into the module's directory: send its reports under target/ instead. */
    private static String[] withReportsInTarget(String[] args) {
        if (args.length == 0 || !args[0].equals("run") || java.util.Arrays.asList(args).contains("--out")) {
            return args;
        }
        String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = "target/cli-test-reports/" + java.util.UUID.randomUUID();
        return withOut;
    }
}
