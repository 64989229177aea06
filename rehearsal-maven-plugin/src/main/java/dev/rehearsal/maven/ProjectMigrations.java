package dev.rehearsal.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Reads a Maven project's model for {@link MigrationLocations}: its directories and the flyway-maven-plugin's settings. */
final class ProjectMigrations {

    private static final String FLYWAY_PLUGIN = "org.flywaydb:flyway-maven-plugin";

    private ProjectMigrations() {
    }

    static FoundLocation find(MavenProject project, List<String> explicit) {
        return MigrationLocations.find(explicit, layout(project));
    }

    static ProjectLayout layout(MavenProject project) {
        Path basedir = project.getBasedir().toPath().toAbsolutePath();
        List<Path> resources = new ArrayList<>();
        for (Resource resource : project.getBuild().getResources()) {
            resources.add(basedir.resolve(resource.getDirectory()).normalize());
        }
        Path output = basedir.resolve(project.getBuild().getOutputDirectory()).normalize();
        List<String> locations = new ArrayList<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        Plugin flyway = project.getBuild().getPluginsAsMap().get(FLYWAY_PLUGIN);
        if (flyway != null) {
            List<Object> configurations = new ArrayList<>();
            configurations.add(flyway.getConfiguration());
            for (PluginExecution execution : flyway.getExecutions()) {
                configurations.add(execution.getConfiguration());
            }
            for (Object configuration : configurations) {
                if (configuration instanceof Xpp3Dom dom) {
                    read(dom, locations, placeholders);
                }
            }
        }
        return new ProjectLayout(basedir, resources, output, locations, placeholders);
    }

    private static void read(Xpp3Dom configuration, List<String> locations, Map<String, String> placeholders) {
        Xpp3Dom list = configuration.getChild("locations");
        if (list != null) {
            for (Xpp3Dom location : list.getChildren()) {
                if (location.getValue() != null && !location.getValue().isBlank()
                        && !locations.contains(location.getValue().trim())) {
                    locations.add(location.getValue().trim());
                }
            }
        }
        Xpp3Dom values = configuration.getChild("placeholders");
        if (values != null) {
            for (Xpp3Dom value : values.getChildren()) {
                placeholders.putIfAbsent(value.getName(), value.getValue() == null ? "" : value.getValue());
            }
        }
    }
}
