package dev.rehearsal.runner.internal.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rollout plan from YAML (format in docs/phases.md). Every mistake is reported once, with the file, the
 * line and column, and what is expected there.
 */
public final class PlanFile {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min)");

    private final String file;

    private PlanFile(String file) {
        this.file = file;
    }

    public static RolloutPlan read(Path path) {
        PlanFile reader = new PlanFile(path.toString());
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return reader.plan(YamlTree.read(in));
        } catch (NoSuchFileException e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "The rollout plan " + path
                    + " does not exist; pass the path of a YAML file (format in docs/phases.md).", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw reader.error(line, column, "this is not valid YAML: " + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Could not read the rollout plan " + path
                    + ": " + e.getMessage() + ".", e);
        }
    }

    private RolloutPlan plan(YamlTree.Node root) {
        Map<String, YamlTree.Node> top = requireMap(root, "the plan is a mapping with the keys apps and rollout");
        requireKeys(top, root, Set.of("apps", "rollout", "checkTimeout"), "apps, rollout or checkTimeout");
        Map<String, AppVersion> apps = apps(required(top, root, "apps", "apps: the app versions and their checks"));
        RolloutPlan plan = rollout(required(top, root, "rollout", "rollout: the list of deploy, migrate and retire "
                + "steps"), apps);
        YamlTree.Node timeout = top.get("checkTimeout");
        if (timeout != null) {
            Matcher m = timeout.text() == null ? null : DURATION.matcher(timeout.text().strip());
            if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw error(timeout, "checkTimeout is a positive duration such as 500ms, 10s or 2min; got "
                        + timeout.kind());
            }
            long amount = Long.parseLong(m.group(1));
            plan = plan.withCheckTimeout(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            });
        }
        return plan;
    }

    private Map<String, AppVersion> apps(YamlTree.Node node) {
        Map<String, YamlTree.Node> entries = requireMap(node, "apps maps each app version's name to its list of "
                + "checks, e.g.\n  apps:\n    v1:\n      - name: list orders\n        sql: SELECT id FROM orders");
        if (entries.isEmpty()) {
            throw error(node, "apps is empty; declare at least one app version with its checks");
        }
        Map<String, AppVersion> apps = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Node> entry : entries.entrySet()) {
            AppVersion app;
            try {
                app = AppVersion.named(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw error(entry.getValue(), e.getMessage());
            }
            List<YamlTree.Node> checks = entry.getValue().list();
            if (checks == null || checks.isEmpty()) {
                throw error(entry.getValue(), "app version " + entry.getKey() + " needs a list of checks, each with "
                        + "name and sql; got " + entry.getValue().kind());
            }
            for (YamlTree.Node check : checks) {
                app = check(app, check);
            }
            apps.put(entry.getKey(), app);
        }
        return apps;
    }

    private AppVersion check(AppVersion app, YamlTree.Node node) {
        Map<String, YamlTree.Node> fields = requireMap(node, "a check is a mapping with name and sql "
                + "(and optionally expectRows: true)");
        requireKeys(fields, node, Set.of("name", "sql", "expectRows"), "name, sql or expectRows");
        String name = requireText(required(fields, node, "name", "name: what the check does"), "name");
        String sql = requireText(required(fields, node, "sql", "sql: the statement the app version runs"), "sql");
        YamlTree.Node expect = fields.get("expectRows");
        if (expect != null && !"true".equals(expect.text()) && !"false".equals(expect.text())) {
            throw error(expect, "expectRows is true or false; got " + expect.kind());
        }
        try {
            return expect != null && "true".equals(expect.text()) ? app.sqlExpectingRows(name, sql) : app.sql(name, sql);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private RolloutPlan rollout(YamlTree.Node node, Map<String, AppVersion> apps) {
        List<YamlTree.Node> steps = node.list();
        if (steps == null || steps.isEmpty()) {
            throw error(node, "rollout is a list of steps such as '- deploy: v1', '- migrate: 2', '- retire: v1'; got "
                    + node.kind());
        }
        RolloutPlan plan = RolloutPlan.none();
        for (YamlTree.Node step : steps) {
            Map<String, YamlTree.Node> fields = step.map();
            if (fields == null || fields.size() != 1) {
                throw error(step, "a rollout step is one of 'deploy: <app>', 'migrate: <version>' or 'retire: <app>'; "
                        + "got " + (fields == null ? step.kind() : fields.keySet()));
            }
            Map.Entry<String, YamlTree.Node> only = fields.entrySet().iterator().next();
            String value = requireText(only.getValue(), only.getKey());
            try {
                plan = switch (only.getKey()) {
                    case "deploy" -> plan.thenDeploy(app(apps, value, only.getValue()));
                    case "migrate" -> plan.thenMigrate(value);
                    case "retire" -> plan.thenRetire(app(apps, value, only.getValue()));
                    default -> throw error(step, "a rollout step is deploy, migrate or retire; got '"
                            + only.getKey() + "'");
                };
            } catch (IllegalArgumentException e) {
                throw error(step, e.getMessage());
            }
        }
        return plan;
    }

    private AppVersion app(Map<String, AppVersion> apps, String name, YamlTree.Node at) {
        AppVersion app = apps.get(name);
        if (app == null) {
            throw error(at, "'" + name + "' is not an app version declared under apps; declared: "
                    + String.join(", ", apps.keySet()));
        }
        return app;
    }

    private Map<String, YamlTree.Node> requireMap(YamlTree.Node node, String expected) {
        if (node.map() == null) {
            throw error(node, expected + "; got " + node.kind());
        }
        return node.map();
    }

    private void requireKeys(Map<String, YamlTree.Node> fields, YamlTree.Node at, Set<String> known, String expected) {
        for (Map.Entry<String, YamlTree.Node> field : fields.entrySet()) {
            if (!known.contains(field.getKey())) {
                throw error(field.getValue().line() > 0 ? field.getValue() : at, "unknown key '" + field.getKey()
                        + "'; expected " + expected);
            }
        }
    }

    private YamlTree.Node required(Map<String, YamlTree.Node> fields, YamlTree.Node at, String key, String expected) {
        YamlTree.Node value = fields.get(key);
        if (value == null) {
            throw error(at, "missing " + expected);
        }
        return value;
    }

    private String requireText(YamlTree.Node node, String key) {
        if (node.text() == null || node.text().isBlank()) {
            throw error(node, key + " needs a value; got " + node.kind());
        }
        return node.text().strip();
    }

    private RehearsalException error(YamlTree.Node at, String message) {
        return error(at.line(), at.column(), message);
    }

    private RehearsalException error(int line, int column, String message) {
        return new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Invalid rollout plan " + file
                + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + message + ".");
    }

    /** The parser's words without its excerpt of the file: "while parsing a flow node; expected …". */
    private static String problem(String message) {
        if (message == null) {
            return "(no detail)";
        }
        List<String> words = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(l -> l.strip().replaceAll("[.:]$", "")).toList();
        return words.isEmpty() ? message.strip() : String.join("; ", words);
    }
}
