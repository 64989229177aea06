package dev.rehearsal.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rehearsal.yaml}: every option of {@code rehearse run} under its own name without the dashes, e.g.
 * <pre>
 * migrations: [db/migration, db/extra]
 * rows: 20000
 * fail-on: warning
 * lock-timeout: 2s
 * placeholder: {schema: app}
 * severity: {NO_LOCK_TIMEOUT: error, SCHEMA_AND_DATA_MIXED: off}
 * </pre>
 * Turned into command-line arguments placed before the real ones, so options given on the command line win and
 * every value is checked exactly as on the command line.
 */
final class ConfigFileArgs {

    static final String DEFAULT_FILE = "rehearsal.yaml";

    private ConfigFileArgs() {
    }

    /** The file to read: the one named with --config, else rehearsal.yaml in the working directory if present. */
    static Path locate(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "The configuration file "
                        + explicit.toAbsolutePath() + " does not exist; check the path given to --config.");
            }
            return explicit;
        }
        Path implicit = Path.of(DEFAULT_FILE);
        return Files.isRegularFile(implicit) ? implicit : null;
    }

    /**
     * The file's settings as arguments, leaving out options the command line already gives.
     *
     * @param known  option names the command accepts, with dashes ({@code --rows})
     * @param given  option names given on the command line
     */
    static List<String> read(Path file, Set<String> known, Set<String> given) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(file, (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw invalid(file, "must be a mapping of option names to values, e.g. `rows: 20000`");
        }
        List<String> args = new ArrayList<>();
        List<String> migrations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (key.equals("migrations")) {
                // a list of locations, or one
                JsonNode value = entry.getValue();
                (value.isArray() ? value : List.of(value)).forEach(item -> migrations.add(item.asText()));
                continue;
            }
            String option = "--" + key;
            if (!known.contains(option)) {
                throw invalid(file, "unknown setting '" + key + "'; settings are the options of `rehearse run "
                        + "--help` without their dashes, e.g. rows, fail-on, lock-timeout");
            }
            if (!given.contains(option)) {
                append(args, option, entry.getValue(), file);
            }
        }
        for (int i = migrations.size() - 1; i >= 0; i--) {
            args.add(0, "--migrations-from-config=" + migrations.get(i));
        }
        return args;
    }

    private static void append(List<String> args, String option, JsonNode value, Path file) {
        if (value.isBoolean()) {
            if (value.asBoolean()) {
                args.add(option);
            }
        } else if (value.isArray()) {
            value.forEach(item -> append(args, option, item, file));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> {
                args.add(option);
                args.add(e.getKey() + "=" + e.getValue().asText());
            });
        } else if (value.isValueNode() && !value.isNull()) {
            args.add(option);
            args.add(value.asText());
        } else {
            throw invalid(file, "the value of '" + option.substring(2) + "' must be a value, a list or a mapping");
        }
    }

    private static RehearsalException invalid(Path file, String message) {
        return new RehearsalException(ErrorCode.INVALID_CONFIGURATION, file + ": " + message + ".");
    }
}
