package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which --jdbc-url hosts count as this machine, and the refusal for the others. */
class RemoteHostsTest {

    @ParameterizedTest(name = "{0} is local: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost            | true
            LOCALHOST            | true
            127.0.0.1            | true
            127.0.0.2            | true
            [::1]                | true
            /var/run/postgresql  | true
            db.example.com       | false
            10.1.2.3             | false
            no-such-host.invalid | false
            """)
    void should_tell_this_machine_from_others(String host, boolean local) {
        assertThat(ExternalPostgresProvider.isLocal(host)).isEqualTo(local);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db.example.com:5432/app?user=me&password=s3cr3t-sentinel-remote | db.example.com
            jdbc:postgresql://localhost:5432,10.1.2.3:5432/app?user=me                          | 10.1.2.3
            """)
    void should_refuse_a_remote_host_before_connecting_and_say_how_to_allow_it(String url, String host) {
        assertThatThrownBy(() -> new ExternalPostgresProvider(url, false, Map.of()).start())
                .isInstanceOfSatisfying(RehearsalException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REMOTE_HOST_REFUSED);
                    assertThat(e.getMessage()).contains("Refusing to rehearse on " + host).contains("--allow-remote")
                            .doesNotContain("s3cr3t-sentinel-remote");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://localhost/app?user=me&password=from-url | | from-url
            jdbc:postgresql://localhost/app?user=me                   | from-env | from-env
            jdbc:postgresql://localhost/app?user=me&password=from-url | from-env | from-url
            """)
    void should_take_the_password_from_the_url_or_else_from_pgpassword(String url, String env, String used) {
        Map<String, String> environment = env == null ? Map.of() : Map.of("PGPASSWORD", env);
        assertThat(new ExternalPostgresProvider(url, false, environment).password()).isEqualTo(used);
    }
}
