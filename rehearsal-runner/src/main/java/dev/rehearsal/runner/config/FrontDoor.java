package dev.rehearsal.runner.config;

/** The places a user sets an option; each {@link ConfigOption} names itself in every one, or says why it is absent. */
public enum FrontDoor {
    /** An option of {@code rehearse run}, e.g. {@code --rows}. */
    CLI("command line"),
    /** A key of {@code rehearsal.yaml}: the command-line option without its dashes. */
    YAML("rehearsal.yaml"),
    /** An attribute of {@code @MigrationRehearsal}. */
    ANNOTATION("@MigrationRehearsal"),
    /** A JUnit configuration parameter ({@code junit-platform.properties} or {@code -D}). */
    JUNIT_KEY("JUnit key"),
    /** A parameter of the Maven plugin's goal {@code rehearse}; its property is {@code rehearsal.<parameter>}. */
    MAVEN("Maven parameter"),
    /** A key of the report's {@code settings}. */
    REPORT("report settings");

    private final String title;

    FrontDoor(String title) {
        this.title = title;
    }

    /** How the documentation's table heads this door. */
    public String title() {
        return title;
    }
}
