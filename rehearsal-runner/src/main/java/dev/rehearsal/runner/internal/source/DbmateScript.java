package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.internal.source.SectionedFile.Direction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of one dbmate file: {@code -- migrate:up} and then {@code -- migrate:down}, each with the options on its
 * marker line ({@code -- migrate:up transaction:false} runs that section outside a transaction). dbmate refuses a file
 * without either marker, with the down marker first, or with SQL before the up marker; a second marker of one
 * direction is refused here too, since dbmate would read it as a comment in the other section. Lines are 1-based.
 */
public final class DbmateScript {

    /** A section: its text (other lines blanked) and whether dbmate wraps it in a transaction. */
    record Section(String text, boolean inTransaction, int markerLine) {
    }

    /** A marker line as dbmate matches it: at the start of the line, options after whitespace. */
    private static final Pattern MARKER = Pattern.compile("--\\s*migrate:(up|down)(?:\\s+(.*))?");
    private static final Pattern UP_MARKER = Pattern.compile("(?m)^--\\s*migrate:up(\\s|$)");

    private final SectionedFile file;
    private boolean upInTransaction = true;
    private boolean downInTransaction = true;

    private DbmateScript(String content, String displayPath) {
        this.file = new SectionedFile(content, displayPath);
    }

    static DbmateScript parse(String content, String displayPath) {
        DbmateScript script = new DbmateScript(content, displayPath);
        script.read();
        return script;
    }

    /** Whether a file's text carries a {@code -- migrate:up} marker: what tells a dbmate file from a goose one. */
    public static boolean hasUpMarker(String content) {
        return UP_MARKER.matcher(content).find();
    }

    Section up() {
        return section(Direction.UP, upInTransaction);
    }

    Section down() {
        return section(Direction.DOWN, downInTransaction);
    }

    private void read() {
        for (int line = 1; line <= file.lineCount(); line++) {
            Matcher marker = MARKER.matcher(file.line(line).stripTrailing());
            if (!marker.matches()) {
                file.take(line, "SQL before the -- migrate:up marker, which dbmate refuses",
                        "start the file with -- migrate:up");
                continue;
            }
            boolean up = marker.group(1).equals("up");
            if (up && file.markerLine(Direction.DOWN) != 0) {
                throw file.fail(line, "-- migrate:up after the -- migrate:down on line "
                        + file.markerLine(Direction.DOWN) + ", which dbmate refuses", "put the up section first");
            }
            file.open(up ? Direction.UP : Direction.DOWN, line, "-- migrate:" + marker.group(1) + " marker");
            boolean inTransaction = inTransaction(marker.group(2));
            if (up) {
                upInTransaction = inTransaction;
            } else {
                downInTransaction = inTransaction;
            }
        }
        file.requireUp("no -- migrate:up marker, so dbmate refuses the file",
                "put -- migrate:up above the statements that migrate up");
        if (file.markerLine(Direction.DOWN) == 0) {
            throw file.fail(file.lineCount(), "no -- migrate:down marker, so dbmate refuses the file",
                    "add -- migrate:down after the up section, with the statements that undo it (or none, if the"
                            + " migration cannot be undone)");
        }
    }

    /** dbmate reads {@code key:value} pairs after the marker; only {@code transaction:false} changes anything. */
    private static boolean inTransaction(String options) {
        if (options == null) {
            return true;
        }
        String transaction = null;
        for (String pair : options.strip().split("\\s+")) {
            String[] parts = pair.split(":", -1);
            if (parts.length == 2 && parts[0].equals("transaction")) {
                transaction = parts[1];
            }
        }
        return !"false".equals(transaction);
    }

    private Section section(Direction direction, boolean inTransaction) {
        return new Section(file.text(direction, line -> false), inTransaction, file.markerLine(direction));
    }
}
