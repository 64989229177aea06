package dev.rehearsal.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.function.UnaryOperator;

/**
 * Output that masks secrets line by line before passing it on. A secret is masked whole as long as it is written
 * within one line, which holds for messages, log lines and stack traces.
 */
final class MaskedOutput {

    private MaskedOutput() {
    }

    static PrintWriter writer(PrintWriter target, UnaryOperator<String> mask) {
        return new PrintWriter(new LineMaskingWriter(target, mask), true);
    }

    static PrintStream stream(PrintStream target, UnaryOperator<String> mask) {
        return new PrintStream(new LineMaskingStream(target, mask, Charset.defaultCharset()), true);
    }

    private static final class LineMaskingWriter extends Writer {
        private final PrintWriter target;
        private final UnaryOperator<String> mask;
        private final StringBuilder line = new StringBuilder();

        LineMaskingWriter(PrintWriter target, UnaryOperator<String> mask) {
            this.target = target;
            this.mask = mask;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                line.append(chars[i]);
                if (chars[i] == '\n') {
                    emit();
                }
            }
        }

        private void emit() {
            target.write(mask.apply(line.toString()));
            line.setLength(0);
        }

        @Override
        public synchronized void flush() {
            if (line.length() > 0) {
                emit();
            }
            target.flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }

    private static final class LineMaskingStream extends OutputStream {
        private final PrintStream target;
        private final UnaryOperator<String> mask;
        private final Charset charset;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineMaskingStream(PrintStream target, UnaryOperator<String> mask, Charset charset) {
            this.target = target;
            this.mask = mask;
            this.charset = charset;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        private void emit() {
            byte[] bytes = mask.apply(line.toString(charset)).getBytes(charset);
            target.write(bytes, 0, bytes.length);
            line.reset();
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                emit();
            }
            target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
