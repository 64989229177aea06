package dev.rehearsal.runner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.flywaydb.core.api.migration.JavaMigration;

/** Compiles Flyway Java migrations written by a test, against the Flyway the test runs with. */
public final class JavaSources {

    private JavaSources() {
    }

    /** Compiles {@code source} into {@code classes}; the test fails with javac's errors when it does not compile. */
    public static void compile(Path source, Path classes) throws IOException {
        Files.createDirectories(classes);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", classes.toString(), "-cp",
                flywayJar(), source.toString());
        assertThat(code).as("javac %s: %s", source, errors).isZero();
    }

    private static String flywayJar() {
        try {
            return Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
