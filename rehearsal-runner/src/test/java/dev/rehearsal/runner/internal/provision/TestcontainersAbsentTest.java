package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.runner.core.BuildInfo;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Testcontainers is optional: the engine loaded without it (as a JUnit user who never asked for it has it) answers a
 * request for the Testcontainers provider with one message naming the dependency to add, not a NoClassDefFoundError.
 */
class TestcontainersAbsentTest {

    @Test
    void should_name_the_dependency_to_add_when_the_testcontainers_provider_is_asked_for_without_it() throws Exception {
        // GIVEN the engine in a class loader whose class path has everything but Testcontainers
        try (URLClassLoader withoutTestcontainers = classPathWithout("testcontainers")) {
            Method testcontainers = providers(withoutTestcontainers).getMethod("testcontainers", String.class);

            // WHEN the provider is asked for
            Throwable thrown = catchThrowable(() -> testcontainers.invoke(null, "postgres:17"));

            // THEN one RehearsalException says what is missing, which dependency to add, and the alternative
            Throwable cause = ((InvocationTargetException) thrown).getCause();
            assertThat(cause.getClass().getName()).isEqualTo("dev.rehearsal.runner.core.RehearsalException");
            assertThat(cause.getClass().getMethod("code").invoke(cause)).hasToString("INVALID_CONFIGURATION");
            assertThat(cause.getMessage()).contains("Testcontainers is not on the class path",
                    "the Testcontainers provider (image postgres:17)",
                    "org.testcontainers:testcontainers-postgresql:" + BuildInfo.testcontainersVersion(),
                    "--provider embedded");
            assertThat(BuildInfo.testcontainersVersion()).matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void should_refuse_to_answer_whether_docker_is_there_without_testcontainers_rather_than_say_no() throws Exception {
        try (URLClassLoader withoutTestcontainers = classPathWithout("testcontainers")) {
            Method dockerAvailable = providers(withoutTestcontainers).getMethod("dockerAvailable");

            Throwable thrown = catchThrowable(() -> dockerAvailable.invoke(null));

            assertThat(((InvocationTargetException) thrown).getCause().getMessage())
                    .contains("org.testcontainers:testcontainers-postgresql:");
        }
    }

    @Test
    void should_find_testcontainers_when_it_is_on_the_class_path() {
        assertThat(TestcontainersPresence.present()).isTrue();
        assertThat(TestcontainersPresence.present("org.testcontainers.NoSuchClass", getClass().getClassLoader()))
                .isFalse();
    }

    private static Class<?> providers(ClassLoader loader) throws ClassNotFoundException {
        Class<?> providers = Class.forName("dev.rehearsal.runner.PostgresProviders", true, loader);
        assertThat(providers.getClassLoader()).isSameAs(loader);
        return providers;
    }

    private static URLClassLoader classPathWithout(String marker) throws Exception {
        List<URL> urls = new ArrayList<>();
        int left = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains(marker)) {
                left++;
            } else {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(left).as("class path entries with %s", marker).isPositive();
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
