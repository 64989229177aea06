package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.FrontDoor;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JUnit keys are a front door of the configuration: with every attribute at its default, the resolver asks for
 * exactly the {@code rehearsal.*} keys the catalogue ({@link ConfigOption}) names.
 */
class SettingsKeysTest {

    @MigrationRehearsal
    static class DefaultsCase {
    }

    @Test
    void should_read_every_catalogued_key_and_no_other() {
        // GIVEN
        Set<String> asked = new TreeSet<>();
        SettingsResolver resolver = new SettingsResolver(DefaultsCase.class,
                DefaultsCase.class.getAnnotation(MigrationRehearsal.class), key -> {
                    asked.add(key);
                    return Optional.empty();
                });
        // WHEN
        resolver.resolve();
        // THEN (apart from a renamed key, asked for only to say so)
        asked.remove(SettingsResolver.RENAMED_BUDGET_KEY);
        Set<String> catalogued = Stream.of(ConfigOption.values()).flatMap(o -> o.name(FrontDoor.JUNIT_KEY).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(asked).as("rehearsal.* keys read by SettingsResolver (catalogue: dev.rehearsal.runner.config.ConfigOption)")
                .containsExactlyInAnyOrderElementsOf(catalogued);
    }
}
