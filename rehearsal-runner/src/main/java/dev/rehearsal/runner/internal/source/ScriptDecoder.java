package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes script bytes as strict UTF-8 (Flyway's default encoding), dropping a byte order mark as Flyway does, and
 * names the first byte that is not UTF-8 rather than silently replacing it.
 */
final class ScriptDecoder {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ScriptDecoder() {
    }

    static String decode(byte[] bytes, String displayPath) {
        int start = hasBom(bytes) ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), displayPath);
        }
        return out.flip().toString();
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static RehearsalException notUtf8(byte[] bytes, int offset, String displayPath) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String value = offset < bytes.length ? String.format("0x%02X", bytes[offset] & 0xFF) : "an incomplete sequence";
        String utf16 = utf16ByteOrder(bytes);
        String what = utf16 == null ? "" : " It starts with the byte order mark of " + utf16 + ", so it is " + utf16
                + ", as some Windows editors save files.";
        return new RehearsalException(ErrorCode.INVALID_ENCODING,
                displayPath + " is not valid UTF-8: byte " + value + " at line " + line + " (byte offset " + offset
                        + ") cannot be decoded." + what + " Rehearsal reads scripts as UTF-8, Flyway's default."
                        + " Convert the file, e.g. iconv -f " + (utf16 == null ? "WINDOWS-1252" : "UTF-16") + " -t UTF-8 "
                        + fileName(displayPath) + " > converted.sql && mv converted.sql " + fileName(displayPath) + ".");
    }

    private static String utf16ByteOrder(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return "UTF-16LE";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return "UTF-16BE";
        }
        return null;
    }

    private static String fileName(String displayPath) {
        return displayPath.substring(displayPath.lastIndexOf('/') + 1);
    }
}
