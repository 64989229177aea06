package dev.rehearsal.runner.config;

import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.stats.ProductionStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a rehearsal needs to know, validated when built. Create it with {@link #builder()}; every option has
 * a documented default, so only the migrations location is required.
 * <p>
 * The settings come in groups, each an immutable record validated when it is made: {@link Server}, {@link Sources},
 * {@link Seeding}, {@link Load}, {@link Timeouts}, {@link Policy} and the {@link RolloutPlan}. Every front door (the
 * command line and {@code rehearsal.yaml}, {@code @MigrationRehearsal} and its {@code rehearsal.*} keys, the Maven
 * plugin, the report's {@code settings}) maps these; {@link ConfigOption} lists them all with their names there.
 */
public final class RehearsalConfig {

    /** Rows generated per existing table before each migration, unless configured otherwise. */
    public static final int DEFAULT_ROWS = Seeding.DEFAULT_ROWS;
    /** Client connections of the write load. */
    public static final int DEFAULT_LOAD_CLIENTS = Load.DEFAULT_CLIENTS;
    /** A statement running longer than this is cancelled and reported as failed. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Timeouts.DEFAULT_STATEMENT;

    private final Server server;
    private final PostgresProvider provider;
    private final Sources sources;
    private final Seeding seeding;
    private final Load load;
    private final Timeouts timeouts;
    private final Policy policy;
    private final RolloutPlan plan;
    private final RehearsalListener listener;
    private final ProductionStats productionStats;
    private final SearchPath searchPath;

    /** The smaller seeded size is this fraction of the configured one (rows and each table's rows). */
    public static final int SMALLER_SIZE_DIVISOR = 10;
    /** Below this many rows at the full size, the smaller size is too small to measure a cost per row. */
    public static final int MIN_ROWS_TO_EXTRAPOLATE = 1000;

    private RehearsalConfig(Builder b, Seeding seeding, Load load, Timeouts timeouts) {
        this.server = b.server;
        this.provider = b.provider != null ? b.provider : b.server.provider();
        this.sources = b.sources;
        this.seeding = seeding;
        this.load = load;
        this.timeouts = timeouts;
        this.policy = b.policy;
        this.plan = b.plan;
        this.listener = b.listener;
        this.productionStats = b.productionStats;
        this.searchPath = b.searchPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the server comes from, as configured; {@link #provider()} may replace it with a provider object. */
    public Server server() {
        return server;
    }

    public Sources sources() {
        return sources;
    }

    public Seeding seeding() {
        return seeding;
    }

    /** The write load and the long reader. Named so that {@link #load()} keeps meaning "whether the load runs". */
    public Load loadSettings() {
        return load;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** The migrations locations, comma-separated: as reports and messages name them. */
    public String location() {
        return String.join(", ", sources.locations());
    }

    /** Placeholders, layout, working directory and class loader for reading the migrations. */
    public SourceOptions sourceOptions() {
        return sources.options();
    }

    /** The server to rehearse on: a provider object given to the builder, else the one {@link #server()} describes. */
    public PostgresProvider provider() {
        return provider;
    }

    /** Rows generated per existing table before each migration; default {@value #DEFAULT_ROWS}; 0 turns seeding off. */
    public int rows() {
        return seeding.rows();
    }

    /** Whether a concurrent write load runs during each step; default true. */
    public boolean load() {
        return load.enabled();
    }

    /** Target requests per second of the write load; 0 (the default) means 400 requests/s across all clients. */
    public int loadRate() {
        return load.rate();
    }

    /** Client connections of the write load; default {@value #DEFAULT_LOAD_CLIENTS}. */
    public int loadClients() {
        return load.clients();
    }

    /** Per-statement timeout; default 10 minutes. */
    public Duration statementTimeout() {
        return timeouts.statement();
    }

    /** A lock_timeout the runner applies, with bounded retries; {@code null} (default) applies none. */
    public Duration lockTimeout() {
        return timeouts.lock();
    }

    /** How long a simulated long-running reader holds its lock (the lock-queue scenario); {@code null} (default) for none. */
    public Duration longReader() {
        return load.longReader();
    }

    public Policy policy() {
        return policy;
    }

    /** Whether the chain is also applied with Flyway and the schemas compared; default true for the Flyway layout. */
    public boolean flywayParity() {
        return sources.flywayParity();
    }

    public RehearsalListener listener() {
        return listener;
    }

    /**
     * The app versions and the order they are deployed and retired around the migrations; after each step the
     * versions that may be running are checked (rules on {@link RolloutPlan}). Default {@link RolloutPlan#none()}.
     */
    public RolloutPlan plan() {
        return plan;
    }

    /** Rows for single tables (schema-qualified name → rows), overriding {@link #rows()}; default none. */
    public Map<String, Integer> tableRows() {
        return seeding.tableRows();
    }

    /** A SQL script run before generated rows, for tables the generator cannot fill; {@code null} (default) for none. */
    public Path seedScript() {
        return seeding.seedScript();
    }

    /**
     * Checksums of migrations already applied somewhere (version → Flyway checksum), e.g. from the report of the
     * main branch; a migration whose checksum differs was edited after it was applied. Default none.
     */
    public Map<String, Integer> baselineChecksums() {
        return sources.baselineChecksums();
    }

    /** Which migrations are rehearsed; the history before them is applied without rehearsal. Default all. */
    public Pending pending() {
        return sources.pending();
    }

    /**
     * Production's table sizes ({@code rehearse stats}): when given, every statement is also rehearsed at a smaller
     * seeded size and its figures are extrapolated to production's rows. Default {@code null}: none.
     */
    public ProductionStats productionStats() {
        return productionStats;
    }

    /**
     * The {@code search_path} every session on Rehearsal's databases starts with (the migrations', the write load's,
     * Flyway parity's), set on each database as production's is; {@code null} (the default) leaves the server's.
     */
    public SearchPath searchPath() {
        return searchPath;
    }

    /**
     * This configuration at the smaller seeded size extrapolation measures too: rows and each table's rows divided by
     * {@value #SMALLER_SIZE_DIVISOR}, without statistics or listener (its report is not shown).
     */
    public RehearsalConfig atSmallerSize() {
        Builder b = new Builder();
        b.server = server;
        b.provider = provider;
        b.sources = sources; // Flyway parity too: its WAL is counted beside a rehearsal without load, at both sizes alike
        b.rows = seeding.rows() / SMALLER_SIZE_DIVISOR;
        Map<String, Integer> smaller = new java.util.TreeMap<>();
        seeding.tableRows().forEach((table, count) -> smaller.put(table, count / SMALLER_SIZE_DIVISOR));
        b.tableRows = smaller;
        b.seedScript = seeding.seedScript();
        b.searchPath = searchPath;
        b.load(load);
        b.timeouts(timeouts);
        b.policy = policy;
        b.plan = plan;
        return b.build();
    }

    /**
     * Builds a {@link RehearsalConfig}; {@link #build()} validates every value and names the one that is wrong. Each
     * group can be set whole ({@link #seeding(Seeding)}) or one value at a time ({@link #rows(int)}); the defaults are
     * those of the groups' {@code defaults()}.
     */
    public static final class Builder {
        private Server server = Server.defaults();
        private PostgresProvider provider;
        private Sources sources = Sources.defaults();
        private String pendingAfter;
        private String changedSince;
        private String templateDatabase;
        // Single values are kept apart until build(), so that setters may come in any order and each group is
        // validated once, whole.
        private int rows = Seeding.DEFAULT_ROWS;
        private Map<String, Integer> tableRows = Map.of();
        private Path seedScript;
        private boolean load = true;
        private int loadRate;
        private int loadClients = Load.DEFAULT_CLIENTS;
        private Duration longReader;
        private Duration statementTimeout = Timeouts.DEFAULT_STATEMENT;
        private Duration lockTimeout;
        private Policy policy = Policy.defaults();
        private RolloutPlan plan = RolloutPlan.none();
        private RehearsalListener listener = RehearsalListener.NONE;
        private ProductionStats productionStats;
        private SearchPath searchPath;

        private Builder() {
        }

        /** The server as a value (kind, major, image, JDBC URL, allow-remote); default embedded, newest major. */
        public Builder server(Server value) {
            this.server = Objects.requireNonNull(value, "server");
            return this;
        }

        /** A provider object instead of {@link #server(Server)}, e.g. a server shared by many rehearsals. */
        public Builder provider(PostgresProvider value) {
            this.provider = value;
            return this;
        }

        public Builder sources(Sources value) {
            this.sources = Objects.requireNonNull(value, "sources");
            return this;
        }

        /** One migrations location: a directory, {@code filesystem:<dir>} or {@code classpath:<path>}. Required. */
        public Builder migrations(String value) {
            return locations(value == null ? List.of() : List.of(value));
        }

        /** The migrations locations. Required: at least one. */
        public Builder locations(List<String> value) {
            this.sources = sources.withLocations(value);
            return this;
        }

        /** Placeholders, layout, working directory, class loader; default {@link SourceOptions#defaults()}. */
        public Builder sourceOptions(SourceOptions value) {
            this.sources = sources.withOptions(Objects.requireNonNull(value, "sourceOptions"));
            return this;
        }

        /** Whether the chain is also applied with Flyway to compare schemas; default true. */
        public Builder flywayParity(boolean value) {
            this.sources = sources.withFlywayParity(value);
            return this;
        }

        /** Checksums of migrations already applied (version → checksum); default none. */
        public Builder baselineChecksums(Map<String, Integer> value) {
            this.sources = sources.withBaselineChecksums(Objects.requireNonNull(value, "baselineChecksums"));
            return this;
        }

        /**
         * Rehearses only the migrations after this version; the history up to it is applied without rehearsal
         * (cached). Default none: every migration is rehearsed. Exclusive with {@link #changedSince(String)}.
         */
        public Builder pendingAfter(String version) {
            this.pendingAfter = version;
            return this;
        }

        /**
         * Rehearses only the migrations added or modified since this git ref (and every one after the first of them);
         * the history before is applied without rehearsal. Default none. Exclusive with {@link #pendingAfter(String)}.
         */
        public Builder changedSince(String gitRef) {
            this.changedSince = gitRef;
            return this;
        }

        /**
         * Clones each rehearsal database from this database of the external server, a copy of production (a thin
         * clone, a branch, a restored snapshot), instead of an empty one: nothing is seeded, and the migrations its
         * history table (or {@link #pendingAfter(String)}) does not name are rehearsed on its real rows. Rehearsal
         * never writes to it, and refuses when other sessions use it. Default none. Needs the external provider.
         */
        public Builder templateDatabase(String database) {
            this.templateDatabase = database;
            return this;
        }

        /** Rows, rows per table and seed script at once. */
        public Builder seeding(Seeding value) {
            Objects.requireNonNull(value, "seeding");
            this.rows = value.rows();
            this.tableRows = value.tableRows();
            this.seedScript = value.seedScript();
            return this;
        }

        /** Rows per existing table; default {@value Seeding#DEFAULT_ROWS}; 0 turns seeding off. */
        public Builder rows(int value) {
            this.rows = value;
            return this;
        }

        /** Rows for single tables, schema-qualified; default none. */
        public Builder tableRows(Map<String, Integer> value) {
            this.tableRows = Objects.requireNonNull(value, "tableRows");
            return this;
        }

        /** SQL run before the generated rows; default none. */
        public Builder seedScript(Path value) {
            this.seedScript = value;
            return this;
        }

        /** The write load and the long reader at once. */
        public Builder load(Load value) {
            Objects.requireNonNull(value, "load");
            this.load = value.enabled();
            this.loadRate = value.rate();
            this.loadClients = value.clients();
            this.longReader = value.longReader();
            return this;
        }

        /** Whether the write load runs; default true. */
        public Builder load(boolean value) {
            this.load = value;
            return this;
        }

        /** Requests per second across all clients; default 0 (automatic: 400). */
        public Builder loadRate(int value) {
            this.loadRate = value;
            return this;
        }

        /** Client connections of the write load, 1 to 64; default {@value Load#DEFAULT_CLIENTS}. */
        public Builder loadClients(int value) {
            this.loadClients = value;
            return this;
        }

        /** How long a simulated long reader holds its lock; default none. */
        public Builder longReader(Duration value) {
            this.longReader = value;
            return this;
        }

        /** Statement and lock timeouts at once. */
        public Builder timeouts(Timeouts value) {
            Objects.requireNonNull(value, "timeouts");
            this.statementTimeout = value.statement();
            this.lockTimeout = value.lock();
            return this;
        }

        /** Per-statement timeout; default 10 minutes. */
        public Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        /** lock_timeout applied to each script, with bounded retries; default none. */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        /** Fail-on, writer-block budget, severities, disabled codes; default {@link Policy#defaults()}. */
        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** The rollout plan; default {@link RolloutPlan#none()}. */
        public Builder plan(RolloutPlan value) {
            this.plan = Objects.requireNonNull(value, "plan");
            return this;
        }

        /** Told what happens, e.g. to show progress; default none. */
        public Builder listener(RehearsalListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Production's table sizes, to extrapolate to ({@code ProductionStatsFiles.read}); default none. */
        public Builder productionStats(ProductionStats value) {
            this.productionStats = value;
            return this;
        }

        /**
         * The {@code search_path} of every session on Rehearsal's databases, e.g. {@code app, "$user", public};
         * default none (the server's).
         */
        public Builder searchPath(String value) {
            this.searchPath = SearchPath.parse(value);
            return this;
        }

        public RehearsalConfig build() {
            if (sources.locations().isEmpty()) {
                throw Invalid.option("the migrations location is missing: name a directory such as db/migration, "
                        + "or classpath:db/migration");
            }
            if (pendingAfter != null || changedSince != null || templateDatabase != null) {
                sources = sources.withPending(new Pending(pendingAfter, changedSince, templateDatabase));
            }
            if (sources.pending().onTemplate() && provider == null && server.kind() != Server.Kind.EXTERNAL) {
                throw Invalid.option("templateDatabase " + sources.pending().templateDatabase() + " names a database "
                        + "of a server you run (a thin clone, a branch, a restored snapshot), but the provider is "
                        + Server.name(server.kind()) + ", whose server Rehearsal starts empty: give the server's "
                        + "jdbcUrl (e.g. --jdbc-url jdbc:postgresql://localhost:5432/postgres?user=me), or remove "
                        + "templateDatabase");
            }
            if (productionStats != null && sources.pending().onTemplate()) {
                throw Invalid.option("productionStats extrapolates from two seeded sizes, but on templateDatabase "
                        + sources.pending().templateDatabase() + " nothing is seeded: the rows are the template's own "
                        + "and every figure is measured at their size; remove productionStats, or rehearse without "
                        + "templateDatabase to extrapolate from generated rows");
            }
            Seeding seeding = new Seeding(rows, tableRows, seedScript);
            if (productionStats != null && rows < MIN_ROWS_TO_EXTRAPOLATE
                    && tableRows.values().stream().allMatch(n -> n < MIN_ROWS_TO_EXTRAPOLATE)) {
                throw Invalid.option("productionStats extrapolates from the rehearsal at rows and at rows/"
                        + SMALLER_SIZE_DIVISOR + ", so rows must be at least " + MIN_ROWS_TO_EXTRAPOLATE + ", got "
                        + rows + "; e.g. --rows 100000");
            }
            Load load = new Load(this.load, loadRate, loadClients, longReader);
            Timeouts timeouts = new Timeouts(statementTimeout, lockTimeout);
            return new RehearsalConfig(this, seeding, load, timeouts);
        }
    }
}
