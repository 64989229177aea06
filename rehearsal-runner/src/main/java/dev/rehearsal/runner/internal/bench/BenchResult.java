package dev.rehearsal.runner.internal.bench;

import java.util.List;

/**
 * What one benchmark found, as a Markdown section: a title, a table (header + rows) and notes.
 *
 * @param id     the benchmark's id, which names its section in docs/benchmarks.md
 * @param title  the section title
 * @param header table column names
 * @param rows   table rows
 * @param notes  sentences under the table: how it was measured, the target, what the numbers mean
 */
public record BenchResult(String id, String title, List<String> header, List<List<String>> rows, List<String> notes) {

    public BenchResult {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.size())).append('\n');
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        md.append('\n');
        notes.forEach(n -> md.append(n).append("\n\n"));
        return md.toString();
    }

    String text() {
        StringBuilder text = new StringBuilder(title).append('\n');
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        appendRow(text, header, widths);
        rows.forEach(r -> appendRow(text, r, widths));
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        text.append(' ');
        for (int i = 0; i < cells.size(); i++) {
            text.append(' ').append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        text.append('\n');
    }
}
