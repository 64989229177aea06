package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.cli.Rehearse;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.FrontDoor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of the catalogue ({@link ConfigOption}) exists in every front door, or the catalogue says why that door
 * cannot carry it; and every front door's option is in the catalogue. This module sees them all: the command line,
 * the annotation, and this plugin's generated descriptor. The JUnit keys are checked beside their resolver
 * (junit-extension's SettingsKeysTest) and the report's settings beside the engine (ReportSettingsParityTest).
 */
class ConfigurationParityTest {

    private static final Path CONFIGURATION_PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void should_name_or_excuse_every_option_in_every_front_door() {
        for (ConfigOption option : ConfigOption.values()) {
            for (FrontDoor door : FrontDoor.values()) {
                assertThat(option.name(door).isPresent() != option.gap(door).isPresent())
                        .as("%s in the %s: either a name or the reason it is absent, not both nor neither", option,
                                door.title())
                        .isTrue();
            }
        }
    }

    @Test
    void should_carry_every_catalogued_option_on_the_command_line_and_nothing_else() {
        // GIVEN
        CommandSpec run = Rehearse.commandLine().getSubcommands().get("run").getCommandSpec();
        Set<String> flags = run.options().stream().filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
        run.positionalParameters().forEach(p -> flags.add(p.paramLabel()));
        // WHEN
        Set<String> catalogued = names(FrontDoor.CLI);
        // THEN
        assertThat(flags).as("options of `rehearse run` (catalogue: dev.rehearsal.runner.config.ConfigOption)")
                .containsExactlyInAnyOrderElementsOf(catalogued);
    }

    @Test
    void should_read_every_command_line_option_from_rehearsal_yaml_under_its_name_without_dashes() {
        for (ConfigOption option : ConfigOption.values()) {
            option.name(FrontDoor.YAML).ifPresent(key -> assertThat(option.name(FrontDoor.CLI))
                    .as("rehearsal.yaml key %s of %s is a command-line option without its dashes", key, option)
                    .hasValueSatisfying(flag -> assertThat(flag).isIn("--" + key, "<" + key + ">")));
        }
    }

    @Test
    void should_carry_every_catalogued_option_as_an_annotation_attribute_and_nothing_else() {
        Set<String> attributes = Arrays.stream(MigrationRehearsal.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(attributes).as("attributes of @MigrationRehearsal (catalogue: dev.rehearsal.runner.config.ConfigOption)")
                .containsExactlyInAnyOrderElementsOf(names(FrontDoor.ANNOTATION));
    }

    @Test
    void should_carry_every_catalogued_option_as_a_plugin_parameter_with_its_property() throws Exception {
        // GIVEN the descriptor maven-plugin-plugin generated from RehearseMojo's annotations
        var declared = PluginDocsTest.parameters();
        // THEN
        assertThat(declared).extracting(PluginDocsTest.Declared::name)
                .as("parameters of rehearsal:rehearse (catalogue: dev.rehearsal.runner.config.ConfigOption)")
                .containsExactlyInAnyOrderElementsOf(names(FrontDoor.MAVEN));
        for (ConfigOption option : ConfigOption.values()) {
            option.name(FrontDoor.MAVEN).ifPresent(parameter -> assertThat(declared)
                    .filteredOn(d -> d.name().equals(parameter)).extracting(PluginDocsTest.Declared::property)
                    .as("the property of <%s>", parameter).containsExactly(option.mavenProperty().orElseThrow()));
        }
    }

    @Test
    void should_document_every_option_in_one_table_generated_from_the_catalogue() throws Exception {
        // GIVEN
        String page = Files.readString(CONFIGURATION_PAGE);
        String table = OptionsTable.render();
        // WHEN the page is out of date and the build was asked to fix it
        if (!page.contains(table) && Boolean.getBoolean("rehearsal.docs.write")) {
            page = OptionsTable.replace(page, table);
            Files.writeString(CONFIGURATION_PAGE, page);
        }
        // THEN
        assertThat(page).as("docs/configuration.md holds the table generated from ConfigOption; regenerate it with "
                + "mvn -o -pl rehearsal-maven-plugin -am test -Dtest=ConfigurationParityTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Drehearsal.docs.write=true").contains(table);
    }

    private static Set<String> names(FrontDoor door) {
        return Stream.of(ConfigOption.values()).flatMap(o -> o.name(door).stream())
                .flatMap(n -> Arrays.stream(n.split(", "))).collect(Collectors.toCollection(TreeSet::new));
    }
}
