package dev.rehearsal.maven;

import static dev.rehearsal.maven.TestProjects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLocationsTest {

    @TempDir
    Path basedir;

    private FoundLocation find(MavenProject project, String... explicit) {
        return ProjectMigrations.find(project, List.of(explicit));
    }

    private Path migration(String directory) {
        return write(basedir.resolve(directory).resolve("V1__create_orders.sql"), "CREATE TABLE orders (id int);")
                .getParent();
    }

    @Test
    void should_use_flyways_default_location_when_nothing_names_one() {
        // GIVEN a project with migrations where Flyway looks by default
        Path migrations = migration("src/main/resources/db/migration");
        // WHEN
        FoundLocation found = find(TestProjects.project(basedir));
        // THEN
        assertThat(found.directory()).isEqualTo(migrations);
        assertThat(found.why()).isEqualTo("Flyway's default location: classpath:db/migration");
    }

    @Test
    void should_resolve_classpath_locations_in_the_output_directory_when_the_resources_lack_them() {
        // GIVEN migrations generated into target/classes only
        Path generated = migration("target/classes/db/migration");
        // WHEN
        FoundLocation found = find(TestProjects.project(basedir));
        // THEN
        assertThat(found.directory()).isEqualTo(generated);
    }

    @Test
    void should_prefer_the_plugins_locations_to_flyways_and_spring_boots() {
        // GIVEN every source names another directory
        Path explicit = migration("sql/rehearse");
        migration("src/main/resources/db/flyway");
        migration("src/main/resources/db/spring");
        MavenProject project = TestProjects.project(basedir);
        TestProjects.flywayPlugin(project, new String[] {"classpath:db/flyway"});
        write(basedir.resolve("src/main/resources/application.properties"), "spring.flyway.locations=classpath:db/spring\n");
        // WHEN a plain path is given: a directory of the project, as on the command line
        FoundLocation found = find(project, "sql/rehearse");
        // THEN
        assertThat(found.directory()).isEqualTo(explicit);
        assertThat(found.why()).isEqualTo("<locations>: sql/rehearse");
    }

    @Test
    void should_read_the_flyway_plugins_locations_and_placeholders_before_spring_boots() {
        // GIVEN
        Path flyway = migration("src/main/resources/db/flyway");
        migration("src/main/resources/db/spring");
        MavenProject project = TestProjects.project(basedir);
        // an unprefixed location is a class-path location to Flyway
        TestProjects.flywayPlugin(project, new String[] {"db/flyway", "classpath:db/absent"}, "schema", "shop");
        write(basedir.resolve("src/main/resources/application.properties"), "spring.flyway.locations=classpath:db/spring\n");
        // WHEN
        FoundLocation found = find(project);
        // THEN missing locations are passed over, as Flyway does
        assertThat(found.directory()).isEqualTo(flyway);
        assertThat(found.why()).isEqualTo("the flyway-maven-plugin's <locations>: db/flyway, classpath:db/absent");
        assertThat(found.placeholders()).containsExactly(Map.entry("schema", "shop"));
    }

    @Test
    void should_read_spring_boots_yaml_without_profile_documents() {
        // GIVEN application.yml with a custom location, placeholders, and a profile document that names another
        Path changes = migration("src/main/resources/db/changes");
        migration("src/main/resources/db/local");
        write(basedir.resolve("src/main/resources/application.yml"), """
                spring:
                  flyway:
                    locations:
                      - classpath:db/{vendor}-absent
                      - classpath:db/changes
                    placeholders:
                      table_prefix: shop_
                      owner: app
                ---
                spring:
                  config.activate.on-profile: local
                  flyway.locations: classpath:db/local
                """);
        // WHEN
        FoundLocation found = find(TestProjects.project(basedir));
        // THEN
        assertThat(found.directory()).isEqualTo(changes);
        assertThat(found.why()).isEqualTo("spring.flyway.locations in src/main/resources/application.yml: "
                + "classpath:db/{vendor}-absent, classpath:db/changes");
        assertThat(found.placeholders()).containsOnly(Map.entry("table_prefix", "shop_"), Map.entry("owner", "app"));
    }

    @Test
    void should_let_application_properties_win_over_application_yaml() {
        // GIVEN both files name a location and a placeholder
        Path fromProperties = migration("src/main/resources/db/props");
        migration("src/main/resources/db/yaml");
        write(basedir.resolve("src/main/resources/application.properties"), """
                spring.flyway.locations=classpath:db/props
                spring.flyway.placeholders.owner=props
                """);
        write(basedir.resolve("src/main/resources/application.yaml"), """
                spring.flyway:
                  locations: classpath:db/yaml
                  placeholders: {owner: yaml, extra: x}
                """);
        // WHEN
        FoundLocation found = find(TestProjects.project(basedir));
        // THEN as Spring Boot reads them
        assertThat(found.directory()).isEqualTo(fromProperties);
        assertThat(found.placeholders()).containsOnly(Map.entry("owner", "props"), Map.entry("extra", "x"));
    }

    @Test
    void should_keep_every_existing_location_as_one_chain() {
        // GIVEN
        Path first = migration("src/main/resources/db/migration");
        Path second = migration("src/main/resources/db/testdata");
        // WHEN
        FoundLocation found = find(TestProjects.project(basedir), "classpath:db/migration,classpath:db/testdata");
        // THEN
        assertThat(found.directories()).containsExactly(first, second);
    }

    @Test
    void should_say_where_it_looked_when_no_migrations_are_found() {
        // GIVEN an empty project
        // WHEN / THEN
        assertThatThrownBy(() -> find(TestProjects.project(basedir)))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND))
                .hasMessageContaining("No migrations found: Flyway's default location (classpath:db/migration)")
                .hasMessageContaining(basedir.resolve("src/main/resources/db/migration").toString())
                .hasMessageContaining(basedir.resolve("target/classes/db/migration").toString());
    }

    @Test
    void should_refuse_locations_it_cannot_read() {
        assertThatThrownBy(() -> find(TestProjects.project(basedir), "s3:bucket/migrations"))
                .isInstanceOf(RehearsalException.class)
                .hasMessageContaining("Unsupported migration location s3:bucket/migrations");
    }
}
