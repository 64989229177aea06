package dev.rehearsal.runner.internal.seed;

/** Receives the values of generated rows, column by column. */
public interface RowSink {

    /** The next column's value, in text form. */
    void value(CharSequence text);

    /** The next column is NULL. */
    void nullValue();

    /** The row is complete. */
    void endRow();
}
