package dev.rehearsal.runner.internal.seed;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to a {@code COPY … FROM STDIN (FORMAT text)} in large chunks, escaping values as the text format
 * requires and encoding UTF-8 by hand (faster than a Writer for mostly ASCII data).
 */
final class CopyStream implements RowSink {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final byte[] buffer = new byte[CHUNK + 64];
    private int length;
    private boolean firstInRow = true;
    private long rows;

    CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Writes rows into a started COPY. */
    @FunctionalInterface
    interface Rows {
        void writeTo(RowSink sink) throws SQLException;
    }

    /**
     * Streams {@code rows} into {@code copy} and ends it; returns the rows the server stored. When writing or sending
     * fails the COPY is abandoned and the server's error (or the generator's) is thrown.
     */
    static long copy(CopyIn copy, Rows rows) throws SQLException {
        CopyStream stream = new CopyStream(copy);
        try {
            rows.writeTo(stream);
            return stream.finish();
        } catch (CopyFailed e) {
            stream.cancel();
            throw e.sqlException();
        } catch (SQLException | RuntimeException e) {
            stream.cancel();
            throw e;
        }
    }

    @Override
    public void value(CharSequence text) {
        separator();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (length > CHUNK) {
                flush();
            }
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> {
                    if (c < 0x80) {
                        buffer[length++] = (byte) c;
                    } else {
                        i = utf8(text, i);
                    }
                }
            }
        }
    }

    @Override
    public void nullValue() {
        separator();
        buffer[length++] = '\\';
        buffer[length++] = 'N';
    }

    @Override
    public void endRow() {
        buffer[length++] = '\n';
        firstInRow = true;
        rows++;
        if (length > CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server stored. */
    long finish() throws SQLException {
        flushChecked();
        return copy.endCopy();
    }

    /** Abandons the COPY, when generation failed half-way. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back by the caller anyway
        }
    }

    private void separator() {
        if (!firstInRow) {
            buffer[length++] = '\t';
        }
        firstInRow = false;
        if (length > CHUNK) {
            flush();
        }
    }

    private void escape(char code) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) code;
    }

    private int utf8(CharSequence text, int i) {
        int codePoint = Character.codePointAt(text, i);
        if (codePoint < 0x800) {
            buffer[length++] = (byte) (0xC0 | (codePoint >> 6));
            buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            buffer[length++] = (byte) (0xE0 | (codePoint >> 12));
            buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            buffer[length++] = (byte) (0xF0 | (codePoint >> 18));
            buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
            return i + 1;
        }
        return i;
    }

    private void flush() {
        try {
            flushChecked();
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
    }

    private void flushChecked() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    /** A write to the server failed in the middle of a row: carried out of the {@link RowSink} callbacks. */
    static final class CopyFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CopyFailed(SQLException cause) {
            super(cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
