package dev.rehearsal.runner.source;

import java.util.List;

/**
 * The migrations found at one location, in the order they are applied (versioned by version, then repeatable
 * by description, as Flyway applies them).
 *
 * @param location   the location as the user gave it
 * @param layout     the layout detected or chosen
 * @param migrations the migrations in application order
 * @param warnings   one line per thing worth knowing that is not an error (e.g. files that are not migrations)
 * @param unrun      the migrations found that Rehearsal cannot run (a warning names them too)
 */
public record MigrationSet(String location, MigrationLayout layout, List<Migration> migrations, List<String> warnings,
                           List<UnrunMigration> unrun) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        warnings = List.copyOf(warnings);
        unrun = List.copyOf(unrun);
    }

    public MigrationSet(String location, MigrationLayout layout, List<Migration> migrations, List<String> warnings) {
        this(location, layout, migrations, warnings, List.of());
    }

    /** The migrations Rehearsal cannot run that the tool applies before {@code migration}. */
    public List<UnrunMigration> unrunBefore(Migration migration) {
        return unrun.stream().filter(u -> u.precedes(migration)).toList();
    }
}
