package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.SectionedFile.Direction;
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

    private final SectionedFile file;
    private final boolean[] inBlock;
    private final List<Block> upBlocks = new ArrayList<>();
    private final List<Block> downBlocks = new ArrayList<>();
    private boolean noTransaction;

    private GooseScript(String content, String displayPath) {
        this.file = new SectionedFile(content, displayPath);
        this.inBlock = new boolean[file.lineCount() + 1];
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
        return section(Direction.UP, upBlocks);
    }

    /** @return the Down section, or {@code null} when the file has none */
    Section down() {
        return file.markerLine(Direction.DOWN) == 0 ? null : section(Direction.DOWN, downBlocks);
    }

    private void read() {
        int blockStart = 0;
        for (int line = 1; line <= file.lineCount(); line++) {
            String annotation = annotation(file.line(line));
            if (annotation == null) {
                file.take(line, "SQL before the first -- +goose Up or -- +goose Down annotation, which goose"
                        + " refuses", "start the file with -- +goose Up");
                inBlock[line] = blockStart != 0;
                continue;
            }
            switch (annotation) {
                case "UP", "DOWN" -> {
                    if (blockStart != 0) {
                        throw fail(blockStart, "-- +goose StatementBegin has no StatementEnd before the -- +goose "
                                + annotation.charAt(0) + annotation.substring(1).toLowerCase(Locale.ROOT)
                                + " on line " + line, "close the block with -- +goose StatementEnd");
                    }
                    boolean up = annotation.equals("UP");
                    file.open(up ? Direction.UP : Direction.DOWN, line,
                            "-- +goose " + (up ? "Up" : "Down") + " annotation");
                }
                case "STATEMENTBEGIN" -> {
                    if (file.current() == null || blockStart != 0) {
                        throw fail(line, file.current() == null ? "-- +goose StatementBegin before any Up or Down"
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
                    (file.current() == Direction.UP ? upBlocks : downBlocks).add(new Block(blockStart + 1, line - 1));
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
        file.requireUp("no -- +goose Up annotation, so goose finds no migration in the file",
                "put -- +goose Up above the statements that migrate up");
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

    private Section section(Direction direction, List<Block> blocks) {
        return new Section(file.text(direction, line -> false), file.text(direction, line -> inBlock[line]),
                List.copyOf(blocks), file.markerLine(direction));
    }

    /** The text of a block alone, every other line blanked. */
    String blockText(Block block) {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= file.lineCount(); line++) {
            text.append(line >= block.firstLine() && line <= block.lastLine() ? file.line(line) : "").append('\n');
        }
        return text.toString();
    }

    private RehearsalException fail(int line, String what, String fix) {
        return file.fail(line, what, fix);
    }
}
