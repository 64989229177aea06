package dev.rehearsal.runner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An application version, described by what it does with the database. Immutable: each method returns a copy with
 * one more check.
 * <pre>{@code
 * AppVersion v1 = AppVersion.named("v1")
 *         .sql("list orders", "SELECT id, customer_ref FROM orders LIMIT 1")
 *         .check("insert order", conn -> conn.createStatement()
 *                 .execute("INSERT INTO orders (customer_ref) VALUES ('c-1')"));
 * }</pre>
 */
public final class AppVersion {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final String name;
    private final List<Check> checks;

    private AppVersion(String name, List<Check> checks) {
        this.name = name;
        this.checks = List.copyOf(checks);
    }

    /**
     * An app version without checks yet.
     *
     * @param name how reports name it, e.g. {@code v1} or {@code 2024.06}: letters, digits, '.', '_' and '-'
     */
    public static AppVersion named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An app version name is 1 to 40 letters, digits, '.', '_' or '-' "
                    + "starting with a letter or digit, e.g. AppVersion.named(\"v1\"); got " + quoted(name));
        }
        return new AppVersion(name, List.of());
    }

    /** A check written in Java; it fails when it throws. */
    public AppVersion check(String checkName, AppCheck check) {
        return with(new Check(requireName(checkName), Objects.requireNonNull(check, "check"), null, false));
    }

    /** A check that passes when the statement executes without error. */
    public AppVersion sql(String checkName, String sql) {
        return with(new Check(requireName(checkName), null, requireSql(sql), false));
    }

    /** A check that passes when the query executes without error and returns at least one row. */
    public AppVersion sqlExpectingRows(String checkName, String sql) {
        return with(new Check(requireName(checkName), null, requireSql(sql), true));
    }

    public String name() {
        return name;
    }

    public List<Check> checks() {
        return checks;
    }

    private AppVersion with(Check check) {
        if (checks.stream().anyMatch(c -> c.name().equals(check.name()))) {
            throw new IllegalArgumentException("App version " + name + " already has a check named '" + check.name()
                    + "'; give each check its own name, reports list failures by it");
        }
        List<Check> copy = new ArrayList<>(checks);
        copy.add(check);
        return new AppVersion(name, copy);
    }

    private String requireName(String checkName) {
        if (checkName == null || checkName.isBlank()) {
            throw new IllegalArgumentException("Every check of app version " + name + " needs a name, e.g. "
                    + ".sql(\"list orders\", \"SELECT …\")");
        }
        return checkName.strip();
    }

    private String requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("An SQL check of app version " + name + " needs a statement, e.g. "
                    + "\"SELECT id FROM orders LIMIT 1\"");
        }
        return sql.strip();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppVersion a && a.name.equals(name) && a.checks.equals(checks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, checks);
    }

    @Override
    public String toString() {
        return "AppVersion[" + name + ", " + checks.size() + " check" + (checks.size() == 1 ? "" : "s") + "]";
    }

    /**
     * One named check: either Java code ({@code code}) or an SQL statement ({@code sql}).
     *
     * @param name         how failures are reported: {@code <name>: <PostgreSQL error>}
     * @param code         the Java check, {@code null} for an SQL check
     * @param sql          the SQL statement, {@code null} for a Java check
     * @param expectsRows  for an SQL check: whether it must return at least one row
     */
    public record Check(String name, AppCheck code, String sql, boolean expectsRows) {

        public Check {
            Objects.requireNonNull(name, "name");
            if ((code == null) == (sql == null)) {
                throw new IllegalArgumentException("A check is either Java code or an SQL statement, not both or none");
            }
        }
    }
}
