package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks before a user's database is cloned, read from the server's catalog through the maintenance connection
 * (never through a session on the template itself, which would block the clone): it exists, it is not the database
 * the JDBC URL connects to, and no other session or prepared transaction holds it (sessions that are ending get
 * the few seconds PostgreSQL gives them). {@code CREATE DATABASE … TEMPLATE} fails while one does, and Rehearsal never
 * ends sessions it did not open.
 */
final class UserTemplate {

    /**
     * How long sessions that are ending may take to leave: a backend leaves pg_stat_activity once it has exited, a
     * moment after its client closed the connection (longer on a busy machine). {@code CREATE DATABASE} itself waits
     * up to 5 s for other sessions to go before it fails; so does this check.
     */
    private static final Duration SESSIONS_ENDING = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 100;

    private UserTemplate() {
    }

    static void check(Connection admin, String template) throws SQLException {
        if (!exists(admin, template)) {
            throw notFound(admin, template);
        }
        if (template.equals(currentDatabase(admin))) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "The JDBC URL connects to " + template + ", the "
                    + "template database itself, and PostgreSQL clones only a database no session is connected to: "
                    + "point the URL at another database of the server, e.g. jdbc:postgresql://host:5432/postgres.");
        }
        List<String> holders = holders(admin, template);
        long deadline = System.nanoTime() + SESSIONS_ENDING.toNanos();
        while (!holders.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            holders = holders(admin, template);
        }
        if (!holders.isEmpty()) {
            throw inUse(template, holders.size() + (holders.size() == 1 ? " other session" : " other sessions")
                    + " (" + String.join(", ", holders.stream().distinct().limit(5).toList()) + ")");
        }
    }

    /** The name as an identifier for CREATE DATABASE, quoted so that any name is taken literally. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The failure of CREATE DATABASE … TEMPLATE, explained: a session arrived after the check, or the name vanished. */
    static RehearsalException explain(SQLException e, String template) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "55006" -> inUse(template, "another session (" + e.getMessage() + ")");
            case "3D000" -> new RehearsalException(ErrorCode.TEMPLATE_NOT_FOUND, "The template database " + template
                    + " does not exist on the server (any more): " + e.getMessage() + ".", e);
            case "42501" -> new RehearsalException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user may not clone the "
                    + "template database " + template + " (" + e.getMessage() + "). PostgreSQL lets its owner or a "
                    + "superuser clone it; connect as its owner, or let its owner mark it cloneable: ALTER DATABASE "
                    + quote(template) + " IS_TEMPLATE true;", e);
            default -> new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not clone the template database "
                    + template + ": " + e.getMessage(), e);
        };
    }

    private static RehearsalException inUse(String template, String who) {
        return new RehearsalException(ErrorCode.TEMPLATE_IN_USE, "Refusing to clone the template database " + template
                + ": " + who + " use it, and PostgreSQL clones only a database no session is connected to. Rehearsal "
                + "never ends sessions it did not open. Close them (stop whatever is connected to the copy, or give "
                + "Rehearsal a copy of its own, e.g. a second thin clone), then run again; see them with: SELECT pid, "
                + "usename, application_name, state FROM pg_stat_activity WHERE datname = '"
                + template.replace("'", "''") + "';");
    }

    private static boolean exists(Connection admin, String template) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, template);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String currentDatabase(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT current_database()");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Who holds the template: other sessions connected to it (autovacuum workers excepted, which CREATE DATABASE
     * ends itself), and prepared transactions in it. Named by application, else by user.
     */
    private static List<String> holders(Connection admin, String template) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT coalesce(nullif(application_name, ''), "
                + "'user ' || usename, 'pid ' || pid) FROM pg_stat_activity WHERE datname = ? "
                + "AND pid <> pg_backend_pid() AND backend_type IS DISTINCT FROM 'autovacuum worker' "
                + "UNION ALL SELECT 'prepared transaction ' || gid FROM pg_prepared_xacts WHERE database = ?")) {
            query.setString(1, template);
            query.setString(2, template);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    holders.add(rs.getString(1));
                }
            }
        }
        return holders;
    }

    private static RehearsalException notFound(Connection admin, String template) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT datname FROM pg_database WHERE NOT datistemplate "
                + "AND datname NOT LIKE 'rehearsal\\_%' ORDER BY datname LIMIT 21");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        String list = names.size() > 20 ? String.join(", ", names.subList(0, 20)) + ", …" : String.join(", ", names);
        return new RehearsalException(ErrorCode.TEMPLATE_NOT_FOUND, "The template database " + template + " does not "
                + "exist on the server" + (names.isEmpty() ? "" : " (its databases: " + list + ")") + ". Create the "
                + "copy of production first (e.g. dblab clone create, a Neon branch, a restored snapshot) and name it "
                + "with templateDatabase, or correct the name.");
    }
}
