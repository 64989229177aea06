package dev.rehearsal.junit.internal;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * zonky and Flyway log through SLF4J 2. On a class path without a binding, SLF4J falls back to its no-op logger and
 * says so on the console of every test run ("SLF4J(W): No SLF4J providers were found", three lines). When the class
 * path has no provider and the user named none, this names SLF4J's own no-op provider before the first logger
 * exists: the same silence, without the warning. A class path with a binding (logback, slf4j-simple, log4j-slf4j2) is
 * left as it is, so no second provider appears and the user's logging works unchanged.
 */
final class Slf4jFallback {

    static final String PROVIDER_KEY = "slf4j.provider";
    static final String VERBOSITY_KEY = "slf4j.internal.verbosity";
    static final String NO_OP = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    private Slf4jFallback() {
    }

    /** Chooses the no-op provider when SLF4J would find none; returns whether it did. */
    static synchronized boolean chooseNoOpWithoutProvider() {
        if (System.getProperty(PROVIDER_KEY) != null) {
            return false;
        }
        Class<?> spi;
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory", false, Slf4jFallback.class.getClassLoader());
            spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, factory.getClassLoader());
            Class.forName(NO_OP, false, factory.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // no SLF4J 2 here: nothing to quieten
        }
        try {
            // SLF4J looks its providers up with the class loader of its API, exactly like this
            if (ServiceLoader.load(spi, spi.getClassLoader()).stream().findAny().isPresent()) {
                return false;
            }
        } catch (ServiceConfigurationError e) {
            return false; // a broken provider entry: SLF4J itself reports it
        }
        System.setProperty(PROVIDER_KEY, NO_OP);
        // naming the provider makes SLF4J print one info line about it; its warnings and errors still show
        if (System.getProperty(VERBOSITY_KEY) == null) {
            System.setProperty(VERBOSITY_KEY, "WARN");
        }
        return true;
    }
}
