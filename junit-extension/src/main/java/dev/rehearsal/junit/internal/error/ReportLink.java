package dev.rehearsal.junit.internal.error;

import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/** An assertion message followed by the report to open: "…\nReport: /abs/target/rehearsal-reports/…/report.html". */
public final class ReportLink implements ErrorMessageFactory {

    private final ErrorMessageFactory message;
    private final Path file;

    private ReportLink(ErrorMessageFactory message, Path file) {
        this.message = message;
        this.file = file;
    }

    /** The message, ending with the report file when there is one. */
    public static ErrorMessageFactory pointingAt(ErrorMessageFactory message, Optional<Path> file) {
        return file.<ErrorMessageFactory>map(f -> new ReportLink(message, f)).orElse(message);
    }

    /** The line a failure message ends with. */
    public static String line(Path file) {
        return "Report: " + file.toAbsolutePath().normalize();
    }

    @Override
    public String create(Description description, Representation representation) {
        return message.create(description, representation) + "\n" + line(file);
    }

    @Override
    public String create(Description description) {
        return message.create(description) + "\n" + line(file);
    }

    @Override
    public String create() {
        return message.create() + "\n" + line(file);
    }
}
