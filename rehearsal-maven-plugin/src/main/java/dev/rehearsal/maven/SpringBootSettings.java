package dev.rehearsal.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Spring Boot's Flyway settings ({@code spring.flyway.locations}, {@code spring.flyway.placeholders.*}) from
 * {@code application.properties}, {@code application.yml} or {@code application.yaml} in the resource directories.
 * Profile-specific documents and files are left out: the build rehearses what every profile shares.
 *
 * @param locations    the locations as written, empty when not set
 * @param placeholders the placeholder values
 * @param files        the files that set either, for the build log
 */
record SpringBootSettings(List<String> locations, Map<String, String> placeholders, List<Path> files) {

    private static final String LOCATIONS = "spring.flyway.locations";
    private static final String PLACEHOLDERS = "spring.flyway.placeholders.";
    private static final List<String> FILES = List.of("application.properties", "application.yml", "application.yaml");

    static SpringBootSettings read(List<Path> resourceDirectories) {
        List<String> locations = new ArrayList<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        // Spring reads .properties over .yml: the first file that sets a key wins.
        for (Path directory : resourceDirectories) {
            for (String name : FILES) {
                Path file = directory.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Map<String, String> keys = name.endsWith(".properties") ? properties(file) : yaml(file);
                boolean used = false;
                List<String> found = locations(keys);
                if (locations.isEmpty() && !found.isEmpty()) {
                    locations.addAll(found);
                    used = true;
                }
                for (Map.Entry<String, String> entry : keys.entrySet()) {
                    if (entry.getKey().startsWith(PLACEHOLDERS)) {
                        used |= placeholders.putIfAbsent(entry.getKey().substring(PLACEHOLDERS.length()),
                                entry.getValue()) == null;
                    }
                }
                if (used) {
                    files.add(file);
                }
            }
        }
        return new SpringBootSettings(List.copyOf(locations), Map.copyOf(placeholders), List.copyOf(files));
    }

    /** {@code locations=a,b} or, in YAML lists and indexed properties, {@code locations[0]=a}. */
    private static List<String> locations(Map<String, String> keys) {
        List<String> result = new ArrayList<>();
        String joined = keys.get(LOCATIONS);
        if (joined != null) {
            for (String location : joined.split(",")) {
                if (!location.isBlank()) {
                    result.add(location.trim());
                }
            }
        }
        new TreeMap<>(keys).forEach((key, value) -> {
            if (key.startsWith(LOCATIONS + "[") && !value.isBlank()) {
                result.add(value.trim());
            }
        });
        return result;
    }

    private static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> keys.put(name, properties.getProperty(name)));
        return keys;
    }

    private static Map<String, String> yaml(Path file) {
        Map<String, String> keys = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(in)) {
            while (documents.hasNext()) {
                Map<String, String> document = new LinkedHashMap<>();
                flatten("", documents.next(), document);
                if (!document.containsKey("spring.config.activate.on-profile")
                        && !document.containsKey("spring.profiles")) {
                    document.forEach(keys::putIfAbsent);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }

    private static RehearsalException unreadable(Path file, Exception e) {
        return new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Could not read Spring Boot's settings in "
                + file + " to find spring.flyway.locations: " + String.valueOf(e.getMessage()).lines().findFirst()
                .orElse("") + ". Fix the file, or name the migrations with <locations> in the plugin's configuration.",
                e);
    }
}
