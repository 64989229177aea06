package dev.rehearsal.maven;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/**
 * The project's run-time class path (its output directory and dependencies), where its Flyway Java migrations and
 * the classes they use are loaded; Flyway and the PostgreSQL driver come from the plugin's own class path behind it.
 */
final class ProjectClassPath {

    private ProjectClassPath() {
    }

    static ClassLoader loader(MavenProject project, ClassLoader plugin) {
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(Path.of(element).toUri().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Cannot build the project's class path to"
                    + " load its Flyway Java migrations: " + e.getMessage() + ". Run the goal in a build that"
                    + " resolves the project's dependencies (mvn verify).", e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), plugin);
    }
}
