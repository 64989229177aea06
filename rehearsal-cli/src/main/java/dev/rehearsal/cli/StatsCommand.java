package dev.rehearsal.cli;

import dev.rehearsal.runner.stats.ProductionStats;
import dev.rehearsal.runner.stats.ProductionStatsFiles;
import dev.rehearsal.runner.stats.ProductionStatsQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearse stats}: the read-only query that takes production's table sizes, printed for the user to run, or
 * run on the server of {@code --jdbc-url} and saved as the file {@code --production-stats} reads.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints the read-only SQL that takes production's table sizes (the planner's row estimates, "
                + "pages, heap, TOAST and index sizes; no data) as one JSON value. Save that value as a file for "
                + "--production-stats.",
                "With --jdbc-url it runs the query itself, in a read-only transaction, and writes the file."})
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Run the query on this server (e.g. a production "
            + "replica): jdbc:postgresql://host:5432/db?user=me. The password may come from PGPASSWORD.")
    String jdbcUrl;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the statistics (with --jdbc-url; "
            + "default: print them).")
    Path output;

    @Option(names = "--verbose", description = "Show stack traces.")
    boolean verbose;

    @Override
    public Integer call() {
        Verbosity.apply(verbose);
        PrintWriter out = spec.commandLine().getOut();
        if (jdbcUrl == null) {
            if (output != null) {
                throw CliErrors.invalid("--output needs --jdbc-url: without it rehearse stats prints the SQL for you "
                        + "to run on production");
            }
            out.print(ProductionStatsQuery.SQL);
            out.flush();
            return 0;
        }
        String json = ProductionStatsQuery.collect(jdbcUrl);
        if (output == null) {
            ProductionStatsFiles.parse(Path.of("the server's answer"), json); // the same check as writing it
            out.println(json);
        } else {
            ProductionStats stats = ProductionStatsFiles.write(json, output);
            int tables = stats.tables().size();
            out.println("Statistics of " + tables + (tables == 1 ? " table" : " tables") + " (PostgreSQL " + stats.serverVersion()
                    + ", " + stats.takenAt() + ") written to " + output);
        }
        out.flush();
        return 0;
    }
}
