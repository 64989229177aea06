package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.internal.source.FlywayName.Prefix;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlywayNameTest {

    @Test
    void should_parse_versioned_undo_and_repeatable_names() throws MalformedNameException {
        assertThat(FlywayName.parse("V1.2__add_status_column"))
                .isEqualTo(new FlywayName(
                        Prefix.VERSIONED, "1.2", MigrationVersion.fromVersion("1.2"), "add status column"));
        assertThat(FlywayName.parse("U1_2__drop")).extracting(FlywayName::prefix, FlywayName::rawVersion)
                .containsExactly(Prefix.UNDO, "1_2");
        assertThat(FlywayName.parse("R__refresh_views"))
                .isEqualTo(new FlywayName(Prefix.REPEATABLE, null, null, "refresh views"));
    }

    @Test
    void should_order_and_compare_versions_as_flyway_does() throws MalformedNameException {
        MigrationVersion v19 = FlywayName.parse("V1.9__a").version();
        MigrationVersion v110 = FlywayName.parse("V1.10__a").version();
        MigrationVersion v2 = FlywayName.parse("V2__a").version();

        assertThat(v19).isLessThan(v110);
        assertThat(v110).isLessThan(v2);
        assertThat(FlywayName.parse("V1_1__a").version()).isEqualTo(FlywayName.parse("V1.1__b").version());
        assertThat(FlywayName.parse("V1.0__a").version()).isEqualTo(FlywayName.parse("V1__b").version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"README", "schema", "Vacuum_notes", "Users", "seed_data", "Release_notes"})
    void should_not_take_ordinary_names_for_migrations(String baseName) throws MalformedNameException {
        assertThat(FlywayName.parse(baseName)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1_create", "Vx__a", "V__a", "R1__a", "v1__a", "u2__a", "V1 __a", "Vcurrent__a"})
    void should_refuse_names_that_look_like_migrations(String baseName) {
        assertThatThrownBy(() -> FlywayName.parse(baseName)).isInstanceOf(MalformedNameException.class);
    }

    @Test
    void should_recognise_callbacks_and_baselines() throws MalformedNameException {
        assertThat(FlywayName.isCallback("afterMigrate")).isTrue();
        assertThat(FlywayName.isCallback("beforeEachMigrate__log")).isTrue();
        assertThat(FlywayName.isCallback("V1__a")).isFalse();
        assertThat(FlywayName.parse("B5__baseline").prefix()).isEqualTo(FlywayName.Prefix.BASELINE);
        assertThat(FlywayName.parse("Backfill_notes")).isNull();
    }
}
