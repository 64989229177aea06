package dev.rehearsal.cli;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** {@code rehearse run <db> --out <out> --rows 0 --no-load -q <extra…>}: a quick run, no rows and no load. */
    static CliRun quick(Path db, Path out, String... extra) {
        String[] args = java.util.Arrays.copyOf(new String[] {"run", db.toString(), "--out", out.toString(), "--rows",
                "0", "--no-load", "-q"}, 8 + extra.length);
        System.arraycopy(extra, 0, args, 8, extra.length);
        return of(args);
    }

    /** The report.json a run wrote into {@code out}. */
    static Report report(Path out) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve("report.json"))) {
            return ReportJson.read(in);
        }
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
