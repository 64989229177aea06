package dev.rehearsal.junit;

/** An on/off attribute of {@link MigrationRehearsal} that can also be left to the configuration. */
public enum Toggle {
    /** Not set here: the attribute's {@code rehearsal.*} key decides ({@code true} or {@code false}), else its default. */
    DEFAULT,
    ON,
    OFF
}
