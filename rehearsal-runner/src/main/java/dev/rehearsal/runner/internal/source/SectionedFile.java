package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.function.IntPredicate;

/**
 * A migration file whose up and down steps are sections opened by marker lines (goose's {@code -- +goose Up},
 * dbmate's {@code -- migrate:up}). It records which section every line belongs to and refuses what both tools refuse:
 * SQL before the first marker, a second marker of one direction, a file without an up marker. A section's text keeps
 * every line of the file (the others blanked), so statement line numbers stay the file's. Lines are 1-based.
 */
final class SectionedFile {

    enum Direction { UP, DOWN }

    private final String[] lines;
    private final String displayPath;
    /** The section of each line; {@code null} before the first marker and on marker lines. */
    private final Direction[] owner;
    private Direction current;
    private int upLine;
    private int downLine;

    SectionedFile(String content, String displayPath) {
        this.lines = content.split("\n", -1);
        this.displayPath = displayPath;
        this.owner = new Direction[lines.length];
    }

    int lineCount() {
        return lines.length;
    }

    String line(int number) {
        return lines[number - 1];
    }

    /** The section the lines read so far belong to; {@code null} before the first marker. */
    Direction current() {
        return current;
    }

    /** The line of the marker that opened the section, 0 when the file has none. */
    int markerLine(Direction direction) {
        return direction == Direction.UP ? upLine : downLine;
    }

    /**
     * Line {@code number} is a marker opening a section.
     *
     * @param marker the marker as messages name it, e.g. {@code -- +goose Up annotation}
     */
    void open(Direction direction, int number, String marker) {
        int seen = markerLine(direction);
        if (seen != 0) {
            throw fail(number, "a second " + marker + " (the first is on line " + seen + ")",
                    "keep one section of each direction per file");
        }
        if (direction == Direction.UP) {
            upLine = number;
        } else {
            downLine = number;
        }
        current = direction;
    }

    /**
     * Line {@code number} belongs to the section read now. Blank and comment lines may stand before the first marker;
     * SQL there is refused with {@code refusal} and {@code fix}, as the tool refuses it.
     */
    void take(int number, String refusal, String fix) {
        String text = line(number);
        if (current == null && !text.isBlank() && !text.strip().startsWith("--")) {
            throw fail(number, refusal, fix);
        }
        owner[number - 1] = current;
    }

    /** Refuses a file without an up marker. */
    void requireUp(String what, String fix) {
        if (upLine == 0) {
            throw fail(1, what, fix);
        }
    }

    /** The text of a section, every other line blanked, and the lines {@code blanked} accepts blanked too. */
    String text(Direction direction, IntPredicate blanked) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            boolean kept = owner[i] == direction && !blanked.test(i + 1);
            text.append(kept ? lines[i] : "").append('\n');
        }
        return text.toString();
    }

    RehearsalException fail(int line, String what, String fix) {
        return new RehearsalException(ErrorCode.INVALID_SCRIPT,
                displayPath + " line " + line + ": " + what + ". Fix: " + fix + ".");
    }
}
