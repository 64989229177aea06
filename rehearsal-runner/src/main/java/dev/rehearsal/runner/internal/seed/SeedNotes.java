package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The notes a {@code SeededTable} carries: what stopped the seeder, naming the column, and how to supply rows. */
public final class SeedNotes {

    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|\\b([A-Za-z_][A-Za-z0-9_$]*)\\b");

    private SeedNotes() {
    }

    static String notSeeded(TableInfo table, List<String> problems) {
        return "not seeded: " + String.join("; ", problems) + ". " + howToProvide(table);
    }

    static String rejected(TableInfo table, List<Check> checks, long generated) {
        return "not seeded: " + describe(checks) + " rejected all " + generated + " generated rows (column "
                + String.join(", ", columnsOf(table, checks)) + "). " + howToProvide(table);
    }

    static String short_(TableInfo table, List<Check> checks, long rows, long target) {
        return "seeded " + rows + " of " + target + " rows: " + describe(checks)
                + " accepted too few generated rows (column " + String.join(", ", columnsOf(table, checks)) + "). "
                + howToProvide(table);
    }

    static String limited(TableInfo table, String why, long rows, long target) {
        return "seeded " + rows + " of " + target + " rows: " + why + ". " + howToProvide(table);
    }

    static String rejectedOneByOne(TableInfo table, SQLException cause, long rows, long target, long accepted,
                                   long offered) {
        return (rows == 0 ? "not seeded" : "seeded " + rows + " of " + target + " rows") + ": the server accepted "
                + accepted + " of " + offered + " generated rows offered one at a time (the first rejection: "
                + firstLine(cause.getMessage()) + "). " + howToProvide(table);
    }

    static String copyFailed(TableInfo table, SQLException e) {
        StringBuilder text = new StringBuilder("not seeded: the server rejected generated rows: ")
                .append(firstLine(e.getMessage()));
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server.getColumn() != null) {
                text.append(" (column ").append(server.getColumn()).append(')');
            }
            if (server.getConstraint() != null) {
                text.append(" (constraint ").append(server.getConstraint()).append(')');
            }
        }
        return text.append(". ").append(howToProvide(table)).toString();
    }

    private static String describe(List<Check> checks) {
        return (checks.size() == 1 ? "CHECK constraint " : "CHECK constraints ")
                + String.join(", ", checks.stream().map(c -> c.name() + " " + c.definition()).toList());
    }

    /** Columns of the table the constraints mention. */
    public static List<String> columnsOf(TableInfo table, List<Check> checks) {
        Set<String> columns = new LinkedHashSet<>();
        for (Check check : checks) {
            Matcher m = WORD.matcher(check.expression() == null ? check.definition() : check.expression());
            while (m.find()) {
                String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
                if (table.column(word).isPresent()) {
                    columns.add(word);
                }
            }
        }
        return List.copyOf(columns);
    }

    private static String howToProvide(TableInfo table) {
        return "Provide rows yourself with a seed script holding e.g. INSERT INTO " + table.displayName()
                + " (…) VALUES (…): `rehearse run --seed-script seed.sql` (seed-script: in rehearsal.yaml, "
                + "RehearsalConfig.builder().seedScript(…) in tests); it runs before every migration (make it "
                + "idempotent: insert only into an empty table) and is skipped while its tables do not exist yet; "
                + "generated rows top up the rest";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
