package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/** Measures how long cloning the template takes with each strategy, on an embedded server. For benchmarks. */
public final class CloneTimings {

    private CloneTimings() {
    }

    /** Milliseconds per {@code CREATE DATABASE}, {@code repetitions} times per strategy the server supports. */
    public static Map<String, double[]> measure(PostgresServer server, int repetitions) {
        EmbeddedServer embedded = (EmbeddedServer) server;
        DataSource admin = PgDataSources.of(EmbeddedServer.HOST, embedded.port(), "postgres", "postgres", null);
        Map<CloneStrategy, double[]> timings = new EnumMap<>(CloneStrategy.class);
        for (CloneStrategy strategy : CloneStrategy.values()) {
            if (strategy != CloneStrategy.SERVER_DEFAULT && server.info().major() < 15) {
                continue;
            }
            ScratchDatabases databases = new ScratchDatabases(admin, DataDirectoryCache.TEMPLATE_DATABASE, strategy,
                    name -> new SimpleScratchDatabase(name, name, "postgres", admin, n -> { }));
            double[] millis = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                ScratchDatabase database = databases.create("clone");
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
                databases.drop(database.name());
            }
            timings.put(strategy, millis);
        }
        Map<String, double[]> named = new java.util.LinkedHashMap<>();
        timings.forEach((strategy, millis) -> named.put(strategy.name(), millis));
        return named;
    }

    /** The strategy the embedded provider uses on this major. */
    public static String chosenFor(int major) {
        return CloneStrategy.fastestFor(major).name();
    }
}
