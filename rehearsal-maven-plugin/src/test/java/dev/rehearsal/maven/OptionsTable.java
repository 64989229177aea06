package dev.rehearsal.maven;

import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.FrontDoor;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table of docs/configuration.md, rendered from the catalogue so that the page cannot drift from the code. */
final class OptionsTable {

    static final String BEGIN = "<!-- options table: generated from dev.rehearsal.runner.config.ConfigOption -->";
    static final String END = "<!-- end of options table -->";

    private OptionsTable() {
    }

    static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append("| option | command line | `rehearsal.yaml` | `@MigrationRehearsal` | JUnit key | Maven parameter "
                + "(property) | report `settings` | default | what it does |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ConfigOption option : ConfigOption.values()) {
            out.append("| ").append(option.key()).append(" (").append(option.group().name().toLowerCase().replace('_', ' ')).append(')')
                    .append(" | ").append(code(option.name(FrontDoor.CLI)))
                    .append(" | ").append(code(option.name(FrontDoor.YAML)))
                    .append(" | ").append(code(option.name(FrontDoor.ANNOTATION)))
                    .append(" | ").append(code(option.name(FrontDoor.JUNIT_KEY)))
                    .append(" | ").append(option.name(FrontDoor.MAVEN).map(p -> "`" + p + "` (`"
                            + option.mavenProperty().orElseThrow() + "`)").orElse("–"))
                    .append(" | ").append(code(option.name(FrontDoor.REPORT)))
                    .append(" | ").append(text(option.defaultValue()))
                    .append(" | ").append(text(option.type())).append(": ").append(text(option.description()))
                    .append(" |\n");
        }
        out.append("\nWhere a front door has no name for an option (–), this is why:\n\n");
        for (ConfigOption option : ConfigOption.values()) {
            String gaps = Arrays.stream(FrontDoor.values()).filter(d -> option.gap(d).isPresent())
                    .collect(Collectors.groupingBy(d -> option.gap(d).orElseThrow(),
                            java.util.LinkedHashMap::new, Collectors.mapping(FrontDoor::title,
                                    Collectors.joining(", "))))
                    .entrySet().stream().map(e -> e.getValue() + ": " + e.getKey()).collect(Collectors.joining("; "));
            if (!gaps.isEmpty()) {
                out.append("- ").append(option.key()).append(" — ").append(text(gaps))
                        .append(".\n");
            }
        }
        return out.append(END).toString();
    }

    /** The page with its generated table replaced, or appended when it has none yet. */
    static String replace(String page, String table) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < 0) {
            return page + "\n" + table + "\n";
        }
        return page.substring(0, begin) + table + page.substring(end + END.length());
    }

    /** Plain text in a Markdown table: no column breaks, no HTML tags. */
    private static String text(String value) {
        return value.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String code(Optional<String> name) {
        return name.map(n -> Arrays.stream(n.split(", ")).map(p -> "`" + p + "`").collect(Collectors.joining(", ")))
                .orElse("–");
    }
}
