package dev.rehearsal.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Maven projects as Maven hands them to the plugin (absolute directories), laid out in a temporary directory. */
final class TestProjects {

    private TestProjects() {
    }

    static MavenProject project(Path basedir) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("shop");
        model.setVersion("1.0");
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        build.setOutputDirectory(basedir.resolve("target/classes").toString());
        Resource resources = new Resource();
        resources.setDirectory(basedir.resolve("src/main/resources").toString());
        build.addResource(resources);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        return project;
    }

    /** Declares the flyway-maven-plugin with these locations and placeholders in its configuration. */
    static void flywayPlugin(MavenProject project, String[] locations, String... placeholders) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom list = new Xpp3Dom("locations");
        for (String location : locations) {
            Xpp3Dom child = new Xpp3Dom("location");
            child.setValue(location);
            list.addChild(child);
        }
        configuration.addChild(list);
        Xpp3Dom values = new Xpp3Dom("placeholders");
        for (int i = 0; i + 1 < placeholders.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(placeholders[i]);
            child.setValue(placeholders[i + 1]);
            values.addChild(child);
        }
        configuration.addChild(values);
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.flywaydb");
        plugin.setArtifactId("flyway-maven-plugin");
        plugin.setVersion("11.0.0");
        plugin.setConfiguration(configuration);
        project.getBuild().addPlugin(plugin);
    }

    /** Writes a file, creating its directories. */
    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
