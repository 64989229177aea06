package dev.rehearsal.runner.support;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python of this machine that imports Django and psycopg2, for tests that need one: {@code python3} on the PATH,
 * else the system's (where Debian's python3-django lives when the PATH starts with another Python).
 */
public final class DjangoPython {

    public static final String MISSING = "no Python with Django and psycopg2 on this machine (python3, /usr/bin/python3):"
            + " install them (apt-get install python3-django python3-psycopg2, as .ci/run does) to run this test";

    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    private DjangoPython() {
    }

    public static Optional<String> find() {
        return CANDIDATES.stream().filter(DjangoPython::importsDjango).findFirst();
    }

    private static boolean importsDjango(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import django, psycopg2").redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
