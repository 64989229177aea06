package dev.rehearsal.runner.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes production-stats files. A file that is not one is refused with a message that says what is
 * wrong in it and how to make a good one (exit 2).
 */
public final class ProductionStatsFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HOW = "write it with `rehearse stats --jdbc-url … --output FILE`, or run the SQL "
            + "that `rehearse stats` prints on production and save the value it returns";

    private ProductionStatsFiles() {
    }

    /** The statistics in this file; a {@link RehearsalException} (bad input) when it is not a stats file. */
    public static ProductionStats read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw invalid(file, "there is no such file");
        } catch (CharacterCodingException e) {
            throw invalid(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw invalid(file, Files.isDirectory(file) ? "it is a directory" : "it cannot be read ("
                    + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** The statistics in this JSON text; {@code origin} names where it came from in messages. */
    public static ProductionStats parse(Path origin, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(origin, "it is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(origin, "it is not a JSON object");
        }
        if (!ProductionStats.FORMAT.equals(root.path("format").asText(null))) {
            throw invalid(origin, "it has no \"format\": \"" + ProductionStats.FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToExactIntegral()) {
            throw invalid(origin, "its \"version\" is missing or not a whole number");
        }
        if (version.asInt() != ProductionStats.FORMAT_VERSION) {
            throw invalid(origin, "it has format version " + version.asText() + ", and this Rehearsal reads version "
                    + ProductionStats.FORMAT_VERSION + (version.asInt() > ProductionStats.FORMAT_VERSION
                    ? " (upgrade Rehearsal, or take the statistics again with this one)" : ""));
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(origin, root, "takenAt", "the file"));
        } catch (DateTimeParseException e) {
            throw invalid(origin, "its \"takenAt\" is not a UTC timestamp like 2026-01-31T12:00:00Z");
        }
        JsonNode tables = root.get("tables");
        if (tables == null || !tables.isArray()) {
            throw invalid(origin, "it has no \"tables\" list");
        }
        List<TableStats> read = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            read.add(table(origin, tables.get(i), "tables[" + i + "]"));
        }
        return new ProductionStats(version.asInt(), takenAt, text(origin, root, "serverVersion", "the file"),
                root.path("database").asText(null), read);
    }

    /** Writes the JSON {@link ProductionStatsQuery} returned, checked and indented; never a half-written file. */
    public static ProductionStats write(String json, Path file) {
        ProductionStats stats = parse(Path.of("the server's answer"), json);
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(parent);
            temporary = Files.createTempFile(parent, ".stats-", ".json.part");
            ObjectNode tree = (ObjectNode) JSON.readTree(json);
            Files.writeString(temporary, JSON.writeValueAsString(tree) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return stats;
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.REPORT_WRITE_FAILED, "Could not write " + file + ": "
                    + e.getMessage() + ". Choose another --output.", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the disk is gone; nothing more to do
                }
            }
        }
    }

    private static TableStats table(Path origin, JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw invalid(origin, where + " is not an object");
        }
        JsonNode rows = node.get("estimatedRows");
        if (rows != null && !rows.isNull() && !(rows.canConvertToExactIntegral() && rows.asLong() >= 0)) {
            throw invalid(origin, where + ".estimatedRows is not a whole number ≥ 0 or null");
        }
        return new TableStats(text(origin, node, "schema", where), text(origin, node, "name", where),
                node.path("partitioned").asBoolean(false), rows == null || rows.isNull() ? null : rows.asLong(),
                size(origin, node, "pages", where), size(origin, node, "heapBytes", where),
                size(origin, node, "toastBytes", where), size(origin, node, "indexBytes", where));
    }

    private static String text(Path origin, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(origin, where + " has no \"" + field + "\" text");
        }
        return value.asText();
    }

    private static long size(Path origin, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw invalid(origin, where + "." + field + " is missing or not a whole number ≥ 0");
        }
        return value.asLong();
    }

    private static RehearsalException invalid(Path file, String what) {
        return new RehearsalException(ErrorCode.INVALID_PRODUCTION_STATS, file + " is not a production-stats file: "
                + what + ". " + Character.toUpperCase(HOW.charAt(0)) + HOW.substring(1) + ".");
    }
}
