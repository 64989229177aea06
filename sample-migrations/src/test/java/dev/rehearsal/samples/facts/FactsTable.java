package dev.rehearsal.samples.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the measurements as docs/measured-facts.md. */
final class FactsTable {

    /**
     * Everything measured for one change.
     *
     * @param pattern  the change
     * @param byMajor  lock, rewrite and scan per PostgreSQL major, without load
     * @param byRows   under the write load on the newest major, per table size
     */
    record Row(FactPattern pattern, Map<Integer, Measured> byMajor, Map<Long, Measured> byRows) {
    }

    /**
     * How the facts were produced.
     *
     * @param command  the command that regenerates the file
     * @param versions the PostgreSQL versions, e.g. {@code 13.22, 18.1}
     * @param machine  cores, OS and Java
     * @param rows     rows of the table for the lock, rewrite and scan columns
     */
    record Provenance(String command, String versions, String machine, long rows, int loadMajor, String when) {
    }

    private FactsTable() {
    }

    static String render(List<Row> rows, List<Integer> majors, List<Long> loadRows, Provenance how) {
        StringBuilder md = new StringBuilder();
        md.append("# Measured facts\n\n")
                .append("What common schema changes do on a table that holds data, measured by Rehearsal itself: the ")
                .append("strongest table lock each takes, whether it rewrites the table and whether it reads it in full ")
                .append("(scan), and how long concurrent writers waited on it. **Generated, do not edit**: the program ")
                .append("`dev.rehearsal.samples.facts.MeasuredFactsGenerator` wrote this file; regenerate it with\n\n")
                .append("```sh\n").append(how.command()).append("\n```\n\n")
                .append("Measured ").append(how.when()).append(" on PostgreSQL ").append(how.versions())
                .append(" (embedded, fsync off: durations are lower bounds), ").append(how.machine()).append(". ")
                .append("Lock modes, rewrites and scans are facts of PostgreSQL; durations and writers' waits vary from ")
                .append("run to run and machine to machine (this one is shared). ")
                .append(String.format(Locale.ROOT, "Locks, rewrites and scans: table `orders` with %,d rows, no load. ",
                        how.rows()))
                .append("Writers: the default write load (4 clients) on PostgreSQL ").append(how.loadMajor())
                .append("; the longest wait of one writer request on the change's locks. Lock modes are ")
                .append("`pg_locks` names without `Lock`; only `AccessShare`, `RowShare`, `RowExclusive` and ")
                .append("`ShareUpdateExclusive` let writers through.\n\n");
        md.append("| change | statement | PostgreSQL ").append(Majors.range(majors)).append(" |");
        loadRows.forEach(n -> md.append(String.format(Locale.ROOT, " writers waited, %s rows |", human(n))));
        md.append(" common advice → measured |\n|---|---|---|");
        loadRows.forEach(n -> md.append("---:|"));
        md.append("---|\n");
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            md.append("| ").append(row.pattern().change()).append(" | `")
                    .append(row.pattern().sql().replace("\n", " ").replace("|", "\\|")).append("` |");
            md.append(' ').append(facts(row, majors)).append(" |");
            loadRows.forEach(n -> md.append(' ').append(writers(row.byRows().get(n), notes)).append(" |"));
            md.append(' ').append(advice(row, majors)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nUnder the write load, these changes failed (the generated writes do what a real app may not, ")
                    .append("e.g. insert keys the referenced table lacks):\n\n");
            for (int i = 0; i < notes.size(); i++) {
                md.append(i + 1).append(". ").append(notes.get(i)).append('\n');
            }
        }
        List<String> differences = differences(rows, majors);
        md.append("\n## Differences between majors\n\n");
        md.append(differences.isEmpty() ? "None: every change took the same locks, rewrote and scanned the same on "
                + "every measured major.\n" : String.join("\n", differences) + "\n");
        return md.toString();
    }

    private static String facts(Row row, List<Integer> majors) {
        Map<Integer, String> cells = new java.util.LinkedHashMap<>();
        majors.forEach(m -> cells.put(m, cell(row.byMajor().get(m))));
        return Majors.group(cells, false);
    }

    private static String cell(Measured measured) {
        return measured == null ? "–" : measured.describe().replace("|", "\\|");
    }

    private static String writers(Measured measured, List<String> notes) {
        if (measured == null) {
            return "–";
        }
        if (measured.error() == null) {
            return String.format(Locale.ROOT, "%.0f ms", measured.writersMaxMs());
        }
        notes.add(measured.error().lines().findFirst().orElse(measured.error()).replace("|", "\\|"));
        return "fails (" + notes.size() + ")";
    }

    /** Whether the advice holds on every measured major, and what was measured where it does not. */
    private static String advice(Row row, List<Integer> majors) {
        FactPattern.Advice advice = row.pattern().advice();
        if (advice == null) {
            return "";
        }
        Map<Integer, String> wrong = new java.util.LinkedHashMap<>();
        for (int major : majors) {
            Measured m = row.byMajor().get(major);
            if (m == null || m.error() != null) {
                continue;
            }
            List<String> facts = new ArrayList<>();
            if (advice.rewrites() != null && advice.rewrites() != m.rewrite()) {
                facts.add(m.rewrite() ? "rewrites" : "no rewrite");
            }
            if (advice.scans() != null && advice.scans() != m.scan()) {
                facts.add(m.scan() ? "scans" : "no scan");
            }
            if (advice.blocksWriters() != null && advice.blocksWriters() != m.blocksWriters()) {
                facts.add(m.blocksWriters() ? "takes " + m.describe() + ", which blocks writers while held"
                        : "writers go on (" + m.describe() + ")");
            }
            if (!facts.isEmpty()) {
                wrong.put(major, String.join(", ", facts));
            }
        }
        String says = "“" + advice.says() + "”";
        return wrong.isEmpty() ? says + ": holds"
                : says + ": **does not hold** — PostgreSQL " + Majors.group(wrong, true);
    }

    private static List<String> differences(List<Row> rows, List<Integer> majors) {
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            List<String> cells = majors.stream().map(m -> cell(row.byMajor().get(m))).distinct().toList();
            if (cells.size() > 1) {
                lines.add("- " + row.pattern().change() + " — " + facts(row, majors));
            }
        }
        return lines;
    }

    private static String human(long rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "M" : rows % 1_000 == 0 ? rows / 1_000 + "k" : Long.toString(rows);
    }
}
