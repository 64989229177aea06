package dev.rehearsal.runner.internal.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as maps, lists and scalars that remember where they were written, so that a message about a
 * wrong value can name its line and column.
 */
final class YamlTree {

    private YamlTree() {
    }

    /** A value and where it starts (1-based line and column). */
    record Node(Object value, int line, int column) {

        @SuppressWarnings("unchecked")
        Map<String, Node> map() {
            return value instanceof Map<?, ?> m ? (Map<String, Node>) m : null;
        }

        @SuppressWarnings("unchecked")
        List<Node> list() {
            return value instanceof List<?> l ? (List<Node>) l : null;
        }

        String text() {
            return value instanceof String s ? s : null;
        }

        String kind() {
            return value == null ? "nothing" : value instanceof Map ? "a mapping" : value instanceof List ? "a list"
                    : "'" + value + "'";
        }
    }

    static Node read(Reader reader) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            return first == null ? new Node(null, 1, 1) : node(parser);
        }
    }

    private static Node node(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                map.put(key, node(parser));
            }
            return new Node(map, line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(node(parser));
            }
            return new Node(list, line, column);
        }
        return new Node(token == JsonToken.VALUE_NULL ? null : parser.getText(), line, column);
    }
}
