package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The annotations of one goose file: where its Up and Down sections are, which lines form
 * {@code StatementBegin}/{@code StatementEnd} blocks, and whether {@code NO TRANSACTION} is set. Lines are 1-based.
 * A section's text keeps every line of the file (the others blanked) so that statement line numbers stay the file's.
 */
final class GooseScript {

    /** A {@code StatementBegin … StatementEnd} block: sent to the server as one statement. */
    record Block(int firstLine, int lastLine) {
    }

    /** One section: its text (other lines blanked), the same text with its blocks blanked too, and its blocks. */
    record Section(String text, String outsideBlocks, List<Block> blocks, int annotationLine) {
    }

    private enum Where { BEFORE, UP, DOWN }

    private final String[] lines;
    private final String displayPath;
    private final Where[] owner;
    private final boolean[] inBlock;
    private final List<Block> upBlocks = new ArrayList<>();
    private final List<Block> downBlocks = new ArrayList<>();
    private int upLine;
    private int downLine;
    private boolean noTransaction;

    private GooseScript(String content, String displayPath) {
        this.lines = content.split("\n", -1);
        this.displayPath = displayPath;
        this.owner = new Where[lines.length];
        this.inBlock = new boolean[lines.length];
    }

    static GooseScript parse(String content, String displayPath) {
        GooseScript script = new GooseScript(content, displayPath);
        script.read();
        return script;
    }

    boolean noTransaction() {
        return noTransaction;
    }

    Section up() {
        return section(Where.UP, upBlocks, upLine);
    }

    /** @return the Down section, or {@code null} when the file has none */
    Section down() {
        return downLine == 0 ? null : section(Where.DOWN, downBlocks, downLine);
    }

    private void read() {
        Where where = Where.BEFORE;
        int blockStart = 0;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String annotation = annotation(lines[i]);
            if (annotation == null) {
                if (where == Where.BEFORE && !lines[i].isBlank() && !lines[i].strip().startsWith("--")) {
                    throw fail(line, "SQL before the first -- +goose Up or -- +goose Down annotation, which goose"
                            + " refuses", "start the file with -- +goose Up");
                }
                owner[i] = where;
                inBlock[i] = blockStart != 0;
                continue;
            }
            owner[i] = Where.BEFORE;
            switch (annotation) {
                case "UP", "DOWN" -> {
                    if (blockStart != 0) {
                        throw fail(blockStart, "-- +goose StatementBegin has no StatementEnd before the -- +goose "
                                + annotation.charAt(0) + annotation.substring(1).toLowerCase(Locale.ROOT)
                                + " on line " + line, "close the block with -- +goose StatementEnd");
                    }
                    boolean up = annotation.equals("UP");
                    int seen = up ? upLine : downLine;
                    if (seen != 0) {
                        throw fail(line, "a second -- +goose " + (up ? "Up" : "Down") + " annotation (the first is on"
                                + " line " + seen + ")", "keep one section of each direction per file");
                    }
                    if (up) {
                        upLine = line;
                        where = Where.UP;
                    } else {
                        downLine = line;
                        where = Where.DOWN;
                    }
                }
                case "STATEMENTBEGIN" -> {
                    if (where == Where.BEFORE || blockStart != 0) {
                        throw fail(line, where == Where.BEFORE ? "-- +goose StatementBegin before any Up or Down"
                                : "-- +goose StatementBegin inside the block opened on line " + blockStart,
                                "open a block inside a section, and close it before opening the next");
                    }
                    blockStart = line;
                }
                case "STATEMENTEND" -> {
                    if (blockStart == 0) {
                        throw fail(line, "-- +goose StatementEnd without a StatementBegin",
                                "add -- +goose StatementBegin where the statement starts");
                    }
                    (where == Where.UP ? upBlocks : downBlocks).add(new Block(blockStart + 1, line - 1));
                    blockStart = 0;
                }
                case "NO TRANSACTION" -> noTransaction = true;
                case "ENVSUB OFF" -> {
                    // the default: nothing to do
                }
                case "ENVSUB ON" -> throw fail(line, "-- +goose ENVSUB ON replaces ${VAR} with the environment of"
                        + " the machine that runs goose, which a rehearsal cannot know", "rehearse a copy of the file"
                        + " with the values written in, or drop the annotation if the file uses no variable");
                default -> throw fail(line, "-- +goose " + annotation + " is not a goose annotation",
                        "use Up, Down, StatementBegin, StatementEnd, NO TRANSACTION or ENVSUB ON/OFF");
            }
        }
        if (blockStart != 0) {
            throw fail(blockStart, "-- +goose StatementBegin has no StatementEnd",
                    "close the block with -- +goose StatementEnd");
        }
        if (upLine == 0) {
            throw fail(1, "no -- +goose Up annotation, so goose finds no migration in the file",
                    "put -- +goose Up above the statements that migrate up");
        }
    }

    /** The annotation in upper case with single spaces, or {@code null} when the line is not one. */
    private static String annotation(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("--")) {
            return null;
        }
        String command = trimmed.substring(2).strip();
        if (!command.startsWith("+goose")) {
            return null;
        }
        return command.substring("+goose".length()).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private Section section(Where where, List<Block> blocks, int annotationLine) {
        StringBuilder text = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String kept = owner[i] == where ? lines[i] : "";
            text.append(kept).append('\n');
            outside.append(inBlock[i] ? "" : kept).append('\n');
        }
        return new Section(text.toString(), outside.toString(), List.copyOf(blocks), annotationLine);
    }

    /** The text of a block alone, every other line blanked. */
    String blockText(Block block) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            text.append(line >= block.firstLine() && line <= block.lastLine() ? lines[i] : "").append('\n');
        }
        return text.toString();
    }

    private RehearsalException fail(int line, String what, String fix) {
        return new RehearsalException(ErrorCode.INVALID_SCRIPT,
                displayPath + " line " + line + ": " + what + ". Fix: " + fix + ".");
    }
}
