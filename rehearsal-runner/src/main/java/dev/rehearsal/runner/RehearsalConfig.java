package dev.rehearsal.runner;

import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresProviders;
import dev.rehearsal.runner.source.SourceOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a rehearsal needs to know, validated when built. Create it with {@link #builder()}; every option has
 * a documented default, so only the migrations location is required.
 */
public final class RehearsalConfig {

    /** Rows generated per existing table before each migration, unless configured otherwise. */
    public static final int DEFAULT_ROWS = 100_000;
    /** Client connections of the write load. */
    public static final int DEFAULT_LOAD_CLIENTS = 4;
    /** A statement running longer than this is cancelled and reported as failed. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(10);

    private final String location;
    private final SourceOptions sourceOptions;
    private final PostgresProvider provider;
    private final int rows;
    private final boolean load;
    private final int loadRate;
    private final int loadClients;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final Duration longReader;
    private final Policy policy;
    private final boolean flywayParity;
    private final RehearsalListener listener;
    private final RolloutPlan plan;
    private final java.util.Map<String, Integer> tableRows;
    private final java.nio.file.Path seedScript;
    private final java.util.Map<String, Integer> baselineChecksums;

    private RehearsalConfig(Builder b) {
        this.location = b.location;
        this.sourceOptions = b.sourceOptions;
        this.provider = b.provider == null ? PostgresProviders.embedded() : b.provider;
        this.rows = b.rows;
        this.load = b.load;
        this.loadRate = b.loadRate;
        this.loadClients = b.loadClients;
        this.statementTimeout = b.statementTimeout;
        this.lockTimeout = b.lockTimeout;
        this.longReader = b.longReader;
        this.policy = b.policy;
        this.flywayParity = b.flywayParity;
        this.listener = b.listener;
        this.plan = b.plan;
        this.tableRows = java.util.Map.copyOf(b.tableRows);
        this.seedScript = b.seedScript;
        this.baselineChecksums = java.util.Map.copyOf(b.baselineChecksums);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The migrations: a directory, {@code filesystem:<dir>} or {@code classpath:<path>}. Required. */
    public String location() {
        return location;
    }

    /** Placeholders, layout, working directory and class loader for reading the migrations. */
    public SourceOptions sourceOptions() {
        return sourceOptions;
    }

    /** The server to rehearse on; default embedded PostgreSQL of the newest major. */
    public PostgresProvider provider() {
        return provider;
    }

    /** Rows generated per existing table before each migration; default {@value #DEFAULT_ROWS}; 0 turns seeding off. */
    public int rows() {
        return rows;
    }

    /** Whether a concurrent write load runs during each step; default true. */
    public boolean load() {
        return load;
    }

    /** Target requests per second of the write load; 0 (the default) means 400 requests/s across all clients. */
    public int loadRate() {
        return loadRate;
    }

    /** Client connections of the write load; default {@value #DEFAULT_LOAD_CLIENTS}. */
    public int loadClients() {
        return loadClients;
    }

    /** Per-statement timeout; default 10 minutes. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** A lock_timeout the runner applies, with bounded retries; {@code null} (default) applies none. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** How long a simulated long-running reader holds its lock (the lock-queue scenario); {@code null} (default) for none. */
    public Duration longReader() {
        return longReader;
    }

    public Policy policy() {
        return policy;
    }

    /** Whether the chain is also applied with Flyway and the schemas compared; default true for the Flyway layout. */
    public boolean flywayParity() {
        return flywayParity;
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
    public java.util.Map<String, Integer> tableRows() {
        return tableRows;
    }

    /** A SQL script run before generated rows, for tables the generator cannot fill; {@code null} (default) for none. */
    public java.nio.file.Path seedScript() {
        return seedScript;
    }

    /**
     * Checksums of migrations already applied somewhere (version → Flyway checksum), e.g. from the report of the
     * main branch; a migration whose checksum differs was edited after it was applied. Default none.
     */
    public java.util.Map<String, Integer> baselineChecksums() {
        return baselineChecksums;
    }

    /** Builds a {@link RehearsalConfig}; {@link #build()} validates every value and names the one that is wrong. */
    public static final class Builder {
        private String location;
        private SourceOptions sourceOptions = SourceOptions.defaults();
        private PostgresProvider provider;
        private int rows = DEFAULT_ROWS;
        private boolean load = true;
        private int loadRate;
        private int loadClients = DEFAULT_LOAD_CLIENTS;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private Duration lockTimeout;
        private Duration longReader;
        private Policy policy = Policy.defaults();
        private boolean flywayParity = true;
        private RehearsalListener listener = RehearsalListener.NONE;
        private RolloutPlan plan = RolloutPlan.none();
        private java.util.Map<String, Integer> tableRows = java.util.Map.of();
        private java.nio.file.Path seedScript;
        private java.util.Map<String, Integer> baselineChecksums = java.util.Map.of();

        private Builder() {
        }

        public Builder migrations(String value) {
            this.location = value;
            return this;
        }

        public Builder sourceOptions(SourceOptions value) {
            this.sourceOptions = Objects.requireNonNull(value, "sourceOptions");
            return this;
        }

        public Builder provider(PostgresProvider value) {
            this.provider = value;
            return this;
        }

        public Builder rows(int value) {
            this.rows = value;
            return this;
        }

        public Builder load(boolean value) {
            this.load = value;
            return this;
        }

        public Builder loadRate(int value) {
            this.loadRate = value;
            return this;
        }

        public Builder loadClients(int value) {
            this.loadClients = value;
            return this;
        }

        public Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        public Builder longReader(Duration value) {
            this.longReader = value;
            return this;
        }

        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        public Builder flywayParity(boolean value) {
            this.flywayParity = value;
            return this;
        }

        public Builder listener(RehearsalListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public Builder tableRows(java.util.Map<String, Integer> value) {
            this.tableRows = Objects.requireNonNull(value, "tableRows");
            return this;
        }

        public Builder seedScript(java.nio.file.Path value) {
            this.seedScript = value;
            return this;
        }

        public Builder baselineChecksums(java.util.Map<String, Integer> value) {
            this.baselineChecksums = Objects.requireNonNull(value, "baselineChecksums");
            return this;
        }

        public Builder plan(RolloutPlan value) {
            this.plan = Objects.requireNonNull(value, "plan");
            return this;
        }

        public RehearsalConfig build() {
            if (location == null || location.isBlank()) {
                throw invalid("the migrations location is missing: name a directory such as db/migration, "
                        + "or classpath:db/migration");
            }
            if (rows < 0) {
                throw invalid("rows must be 0 or more (0 turns seeding off), got " + rows);
            }
            tableRows.forEach((table, count) -> {
                if (!table.contains(".")) {
                    throw invalid("rows for table '" + table + "' need its schema, as in public." + table
                            + " (tables of every schema are seeded, so a bare name is ambiguous)");
                }
                if (count == null || count < 0) {
                    throw invalid("rows for " + table + " must be 0 or more, got " + count);
                }
            });
            if (seedScript != null && !java.nio.file.Files.isRegularFile(seedScript)) {
                throw invalid("the seed script " + seedScript.toAbsolutePath() + " does not exist");
            }
            if (loadRate < 0) {
                throw invalid("the load rate must be 0 (automatic) or more requests per second, got " + loadRate);
            }
            if (loadClients < 1 || loadClients > 64) {
                throw invalid("load clients must be between 1 and 64, got " + loadClients);
            }
            requirePositive("statement timeout", statementTimeout);
            if (lockTimeout != null) {
                requirePositive("lock timeout", lockTimeout);
            }
            if (longReader != null) {
                requirePositive("long reader duration", longReader);
            }
            return new RehearsalConfig(this);
        }

        private static void requirePositive(String what, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw invalid("the " + what + " must be a positive duration such as 500ms or 2s, got "
                        + (value == null ? "none" : value.toMillis() + "ms"));
            }
        }

        private static RehearsalException invalid(String message) {
            return new RehearsalException(ErrorCode.INVALID_OPTION, "Invalid configuration: " + message + ".");
        }
    }
}
