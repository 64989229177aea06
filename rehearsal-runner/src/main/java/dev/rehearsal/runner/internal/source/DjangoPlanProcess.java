package dev.rehearsal.runner.internal.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code django_plan.py} with the user's Python: one process prints the whole plan of a Django project with the
 * SQL of every migration, forwards and backwards, as Django's {@code sqlmigrate} writes it, instead of one process per
 * migration and direction. Its failures become one message naming the project, in Django's words.
 */
final class DjangoPlanProcess {

    static final String DEFAULT_PYTHON = "python3";
    private static final String SCRIPT = "django_plan.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DjangoPlanProcess() {
    }

    /**
     * @param manage   the project's manage.py as reports name it, for messages
     * @param settings the settings module, {@code null} for the one manage.py names
     * @param python   the Python to run, {@code null} for {@code python3} on the PATH
     * @param database the scratch database Django may write the SQL against (JSON: host, port, user, name);
     *                 {@code null} to write it without one
     * @throws NeedsDatabase when Django asked a live database for what it writes, and none was given
     */
    static JsonNode plan(Path project, String manage, String settings, String python, String database) {
        String executable = python == null ? DEFAULT_PYTHON : python;
        Path work = null;
        try {
            work = Files.createTempDirectory("rehearsal-django");
            Path script = work.resolve(SCRIPT);
            try (InputStream in = DjangoPlanProcess.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            Path out = work.resolve("plan.json");
            Path err = work.resolve("stderr.txt");
            List<String> command = new ArrayList<>(List.of(executable, script.toString(), project.toString()));
            if (settings != null) {
                command.add(settings);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // the project's directory is the user's: no __pycache__ left in it
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            if (database != null) {
                builder.environment().put("REHEARSAL_DJANGO_DB", database);
            }
            Process process = start(builder, executable, manage);
            int status = process.waitFor();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            JsonNode answer = status == 0 || status == 3 ? parse(printed) : null;
            if (answer != null && answer.has("error") && answer.get("error").asText().equals("needs-database")
                    && database == null) {
                throw new NeedsDatabase(answer.get("message").asText());
            }
            if (answer != null && answer.has("error")) {
                throw refusal(answer.get("error").asText(), manage + ": " + answer.get("message").asText());
            }
            if (status != 0 || answer == null) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, manage + ": " + executable + " failed (exit "
                        + status + ") while reading the project's migrations: "
                        + lastLine(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while Django wrote the SQL of " + manage);
        } finally {
            delete(work);
        }
    }

    /** Django asked a live database while writing a migration's SQL. */
    static final class NeedsDatabase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsDatabase(String message) {
            super(message, null, false, false);
        }
    }

    private static Process start(ProcessBuilder builder, String executable, String manage) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, manage + " is a Django project, but "
                    + executable + " cannot be run (" + e.getMessage() + "): Rehearsal asks Django for the SQL of"
                    + " each migration. Install Python 3 with Django, or name the Python that has it with --python"
                    + " (python: in rehearsal.yaml), e.g. --python .venv/bin/python.");
        }
    }

    private static RehearsalException refusal(String kind, String message) {
        ErrorCode code = kind.equals("django") ? ErrorCode.INVALID_SCRIPT : ErrorCode.INVALID_CONFIGURATION;
        return new RehearsalException(code, message);
    }

    private static JsonNode parse(String printed) {
        try {
            return printed.isBlank() ? null : JSON.readTree(printed);
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message" : lines[lines.length - 1];
    }

    private static void delete(Path work) {
        if (work == null) {
            return;
        }
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing the rehearsal for
        }
    }
}
