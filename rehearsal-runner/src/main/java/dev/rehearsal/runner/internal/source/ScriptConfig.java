package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Flyway's per-script configuration, {@code <script>.sql.conf}: {@code key=value} lines, {@code #} comments.
 *
 * @param executeInTransaction  the explicit setting, {@code null} when absent
 * @param placeholderReplacement whether {@code ${…}} placeholders are replaced in this script (Flyway's default: yes)
 */
record ScriptConfig(Boolean executeInTransaction, boolean placeholderReplacement) {

    static final ScriptConfig DEFAULT = new ScriptConfig(null, true);

    private static final String KNOWN_KEYS = "executeInTransaction, encoding, placeholderReplacement and shouldExecute";

    static ScriptConfig parse(String text, String displayPath) {
        Boolean executeInTransaction = null;
        boolean placeholderReplacement = true;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw invalid(displayPath, i + 1, "'" + line + "' is not a key=value line",
                        "Write it as key=value, e.g. executeInTransaction=false.");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            switch (key) {
                case "executeInTransaction" -> executeInTransaction = bool(displayPath, i + 1, key, value);
                case "placeholderReplacement" -> placeholderReplacement = bool(displayPath, i + 1, key, value);
                case "encoding" -> requireUtf8(displayPath, i + 1, value);
                case "shouldExecute" -> requireTrue(displayPath, i + 1, value);
                default -> throw invalid(displayPath, i + 1, "unknown key '" + key + "'",
                        "Flyway's script configuration knows " + KNOWN_KEYS + "; fix the spelling or remove the line.");
            }
        }
        return new ScriptConfig(executeInTransaction, placeholderReplacement);
    }

    private static boolean bool(String displayPath, int line, String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(displayPath, line, key + "=" + value + " is not a boolean",
                    "Write " + key + "=true or " + key + "=false.");
        };
    }

    private static void requireUtf8(String displayPath, int line, String value) {
        Charset charset;
        try {
            charset = Charset.forName(value);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid(displayPath, line, "encoding=" + value + " is not a known character set",
                    "Save the script as UTF-8 and write encoding=UTF-8, or remove the line.");
        }
        if (!charset.equals(StandardCharsets.UTF_8)) {
            throw invalid(displayPath, line,
                    "encoding=" + value + " is not supported: Rehearsal reads scripts as UTF-8",
                    "Convert the script to UTF-8 (e.g. iconv -f " + charset.name() + " -t UTF-8) and write"
                            + " encoding=UTF-8 or remove the line.");
        }
    }

    private static void requireTrue(String displayPath, int line, String value) {
        if (!value.equalsIgnoreCase("true")) {
            throw invalid(displayPath, line, "shouldExecute=" + value + " is not supported: Rehearsal rehearses every"
                            + " migration and does not evaluate shouldExecute conditions",
                    "Remove the line for the rehearsal, or rehearse a location without this script.");
        }
    }

    private static RehearsalException invalid(String displayPath, int line, String problem, String fix) {
        return new RehearsalException(ErrorCode.INVALID_SCRIPT_CONFIG,
                displayPath + " line " + line + ": " + problem + ". " + fix);
    }
}
