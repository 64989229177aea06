package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.source.MigrationLayout;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Every option as an attribute or a {@code rehearsal.*} key: strings for numbers and durations, toggles, no sentinels. */
class SettingsResolverTest {

    @MigrationRehearsal(rows = "1000", tableRows = "public.orders=50", load = Toggle.OFF, loadRate = "100",
            loadClients = "2", longReader = "500ms", statementTimeout = "30s", lockTimeout = "2s", failOn = "warning",
            writerBlockBudget = "250ms", severities = {"NO_LOCK_TIMEOUT=error", "MISSING_DOWN=off"},
            layout = "flyway", flywayParity = Toggle.OFF)
    static class AttributesCase {
    }

    @MigrationRehearsal
    static class DefaultsCase {
    }

    @MigrationRehearsal(lockTimeout = "1s", load = Toggle.ON)
    static class OverridesCase {
    }

    private static Settings resolve(Class<?> testCase, Map<String, String> keys) {
        return new SettingsResolver(testCase, testCase.getAnnotation(MigrationRehearsal.class),
                key -> Optional.ofNullable(keys.get(key))).resolve();
    }

    @Test
    void should_read_every_attribute_into_the_engines_settings() {
        // WHEN
        Settings settings = resolve(AttributesCase.class, Map.of());
        // THEN
        assertThat(settings.seeding().rows()).isEqualTo(1000);
        assertThat(settings.seeding().tableRows()).containsExactly(Map.entry("public.orders", 50));
        assertThat(settings.load().enabled()).isFalse();
        assertThat(settings.load().rate()).isEqualTo(100);
        assertThat(settings.load().clients()).isEqualTo(2);
        assertThat(settings.load().longReader()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.timeouts().statement()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.timeouts().lock()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.policy().failOn()).isEqualTo(Severity.WARNING);
        assertThat(settings.policy().writerBlockBudget()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.policy().severities()).containsExactly(Map.entry("NO_LOCK_TIMEOUT", Severity.ERROR));
        assertThat(settings.policy().disabled()).containsExactly("MISSING_DOWN");
        assertThat(settings.layout()).isEqualTo(MigrationLayout.FLYWAY);
        assertThat(settings.flywayParity()).isFalse();
    }

    @Test
    void should_read_the_keys_when_attributes_are_left_at_their_defaults() {
        // WHEN
        Settings settings = resolve(DefaultsCase.class, Map.of("rehearsal.rows", "0", "rehearsal.load", "false",
                "rehearsal.lockTimeout", "1min", "rehearsal.writerBlockBudget", "2s", "rehearsal.severities",
                "NO_LOCK_TIMEOUT=off,TABLE_REWRITE=warning", "rehearsal.tableRows", "public.a=1,public.b=2"));
        // THEN
        assertThat(settings.seeding().rows()).isZero();
        assertThat(settings.seeding().tableRows()).containsOnlyKeys("public.a", "public.b");
        assertThat(settings.load().enabled()).isFalse();
        assertThat(settings.timeouts().lock()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.policy().writerBlockBudget()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.policy().disabled()).containsExactly("NO_LOCK_TIMEOUT");
        assertThat(settings.policy().severities()).containsExactly(Map.entry("TABLE_REWRITE", Severity.WARNING));
    }

    @Test
    void should_give_the_documented_defaults_without_attributes_or_keys() {
        Settings settings = resolve(DefaultsCase.class, Map.of());

        assertThat(settings.locations()).containsExactly("classpath:db/migration");
        assertThat(settings.seeding().rows()).isEqualTo(100_000);
        assertThat(settings.load().enabled()).isTrue();
        assertThat(settings.timeouts().statement()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.timeouts().lock()).isNull();
        assertThat(settings.policy().writerBlockBudget()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.flywayParity()).isTrue();
    }

    @Test
    void should_keep_every_location_of_the_attribute_or_the_key() {
        assertThat(resolve(DefaultsCase.class, Map.of("rehearsal.locations", "classpath:db/a, db/b")).locations())
                .containsExactly("classpath:db/a", "db/b");
        assertThat(resolve(LocationsCase.class, Map.of()).locations()).containsExactly("classpath:db/a", "db/b");
    }

    @MigrationRehearsal(locations = {"classpath:db/a", "db/b"})
    static class LocationsCase {
    }

    @Test
    void should_let_an_attribute_win_over_its_key() {
        Settings settings = resolve(OverridesCase.class, Map.of("rehearsal.lockTimeout", "9s", "rehearsal.load",
                "false"));

        assertThat(settings.timeouts().lock()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.load().enabled()).isTrue();
    }

    @Test
    void should_say_where_a_bad_value_came_from_and_how_to_write_it() {
        String owner = "@MigrationRehearsal on " + DefaultsCase.class.getName() + ": ";
        assertThatThrownBy(() -> resolve(DefaultsCase.class, Map.of("rehearsal.lockTimeout", "soon")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(owner + "rehearsal.lockTimeout=soon: 'soon' is not a duration; write it like 500ms, 2s, "
                        + "5min or 1h.");
        assertThatThrownBy(() -> resolve(DefaultsCase.class, Map.of("rehearsal.loadClients", "99")))
                .hasMessage(owner + "load clients must be between 1 and 64, got 99.");
        assertThatThrownBy(() -> resolve(DefaultsCase.class, Map.of("rehearsal.severities", "NOPE=off")))
                .hasMessageStartingWith(owner + "Unknown finding code 'NOPE' in the policy");
        assertThatThrownBy(() -> resolve(DefaultsCase.class, Map.of("rehearsal.writerBlockBudgetMs", "250")))
                .hasMessage(owner + "rehearsal.writerBlockBudgetMs=250 was renamed: write it as a duration, "
                        + "rehearsal.writerBlockBudget=250ms.");
        assertThatThrownBy(() -> resolve(DefaultsCase.class, Map.of("rehearsal.layout", "sqitch")))
                .hasMessage(owner + "rehearsal.layout=sqitch is not a layout: write auto, flyway, golang-migrate, goose,"
                        + " dbmate, liquibase, prisma or django.");
    }
}
