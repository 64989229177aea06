package dev.rehearsal.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.engine.ReportSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration model: groups validated once, group and single setters meaning the same. */
class RehearsalConfigTest {

    @Test
    void should_give_the_documented_defaults_when_only_the_location_is_set() {
        // WHEN
        RehearsalConfig config = RehearsalConfig.builder().migrations("db/migration").build();
        // THEN
        assertThat(config.sources().locations()).containsExactly("db/migration");
        assertThat(config.server()).isEqualTo(Server.defaults());
        assertThat(config.server().kind()).isEqualTo(Server.Kind.EMBEDDED);
        assertThat(config.seeding()).isEqualTo(Seeding.defaults());
        assertThat(config.loadSettings()).isEqualTo(Load.defaults());
        assertThat(config.timeouts()).isEqualTo(Timeouts.defaults());
        assertThat(config.rows()).isEqualTo(100_000);
        assertThat(config.loadClients()).isEqualTo(4);
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.flywayParity()).isTrue();
        assertThat(config.provider().name()).isEqualTo("embedded");
    }

    @Test
    void should_mean_the_same_whether_set_by_group_or_one_value_at_a_time() {
        // GIVEN
        RehearsalConfig bySetters = RehearsalConfig.builder().migrations("db/migration").rows(10).loadRate(50)
                .loadClients(2).longReader(Duration.ofMillis(300)).statementTimeout(Duration.ofSeconds(30))
                .lockTimeout(Duration.ofSeconds(2)).build();
        // WHEN
        RehearsalConfig byGroups = RehearsalConfig.builder().migrations("db/migration")
                .seeding(Seeding.defaults().withRows(10))
                .load(new Load(true, 50, 2, Duration.ofMillis(300)))
                .timeouts(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(2))).build();
        // THEN
        assertThat(byGroups.seeding()).isEqualTo(bySetters.seeding());
        assertThat(byGroups.loadSettings()).isEqualTo(bySetters.loadSettings());
        assertThat(byGroups.timeouts()).isEqualTo(bySetters.timeouts());
        assertThat(ReportSettings.of(byGroups)).isEqualTo(ReportSettings.of(bySetters));
    }

    @Test
    void should_name_the_bad_value_once_whatever_the_order_of_the_setters() {
        assertThatThrownBy(() -> RehearsalConfig.builder().loadClients(0).migrations("db/migration").build())
                .isInstanceOf(RehearsalException.class)
                .hasMessage("Invalid configuration: load clients must be between 1 and 64, got 0.");
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").rows(-1).build())
                .hasMessageContaining("rows must be 0 or more (0 turns seeding off), got -1");
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").tableRows(Map.of("orders", 5)).build())
                .hasMessageContaining("need its schema, as in public.orders");
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").lockTimeout(Duration.ZERO).build())
                .hasMessageContaining("the lock timeout must be a positive duration such as 500ms or 2s, got 0ms");
        assertThatThrownBy(() -> RehearsalConfig.builder().build())
                .hasMessageContaining("the migrations location is missing");
    }

    @Test
    void should_refuse_contradicting_server_settings_with_the_fix() {
        assertThatThrownBy(() -> new Server(Server.Kind.EMBEDDED, null, null, "jdbc:postgresql://localhost/x", false))
                .hasMessageContaining("a JDBC URL is set but the provider is embedded");
        assertThatThrownBy(() -> new Server(Server.Kind.EXTERNAL, null, null, null, false))
                .hasMessageContaining("the external provider needs a JDBC URL");
        assertThatThrownBy(() -> new Server(null, 12, null, null, false))
                .hasMessageContaining("postgres 12 is not supported: choose a PostgreSQL major from 13 to 18");
        assertThatThrownBy(() -> new Server(Server.Kind.TESTCONTAINERS, 17, "postgres:16", null, false))
                .hasMessageContaining("postgres and image both choose the version");
        assertThat(new Server(null, null, null, "jdbc:postgresql://localhost/x", false).kind())
                .isEqualTo(Server.Kind.EXTERNAL);
        assertThat(new Server(Server.Kind.TESTCONTAINERS, 16, null, null, false).imageOrDefault())
                .isEqualTo("postgres:16");
    }

    @Test
    void should_read_durations_as_every_front_door_writes_them() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse(" 2s ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1min")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10min");
        assertThatThrownBy(() -> Durations.parse("2 seconds")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2 seconds' is not a duration; write it like 500ms, 2s, 5min or 1h");
    }

    @Test
    void should_keep_every_location_and_name_them_all() {
        RehearsalConfig config = RehearsalConfig.builder().locations(List.of("db/a", " classpath:db/b ")).build();

        assertThat(config.sources().locations()).containsExactly("db/a", "classpath:db/b");
        assertThat(config.location()).isEqualTo("db/a, classpath:db/b");
    }
}
