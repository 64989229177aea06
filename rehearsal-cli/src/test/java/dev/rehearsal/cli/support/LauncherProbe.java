package dev.rehearsal.cli.support;

/**
 * Stands in for the command-line jar in the launcher script's tests: prints its arguments and the JVM options it
 * was given, and exits with the code asked for ({@code exit=N}), so a test sees exactly what the script passed on.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran with: " + String.join(" ", args));
        System.out.println("probe property: " + System.getProperty("probe.option", "(none)"));
        for (String arg : args) {
            if (arg.startsWith("exit=")) {
                System.exit(Integer.parseInt(arg.substring("exit=".length())));
            }
        }
    }
}
