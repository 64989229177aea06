package dev.rehearsal.cli;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path {@code --classpath} names: where {@code classpath:} locations, Flyway Java migrations and the classes
 * they use are found, before Rehearsal's own (which brings Flyway and the PostgreSQL driver).
 */
final class JavaClassPath {

    private JavaClassPath() {
    }

    static ClassLoader loader(List<String> given) {
        List<URL> urls = new ArrayList<>();
        for (String option : given) {
            for (String entry : option.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    urls.add(url(entry.strip()));
                }
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), JavaClassPath.class.getClassLoader());
    }

    private static URL url(String entry) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        boolean jar = Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
        if (!Files.isDirectory(path) && !jar) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "--classpath " + entry + ": "
                    + (Files.exists(path) ? path + " is neither a directory nor a .jar file"
                    : path + " does not exist") + ". Name the directory of the compiled classes (e.g. target/classes)"
                    + " or a jar that holds them.");
        }
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "--classpath " + entry + ": " + e.getMessage(), e);
        }
    }
}
