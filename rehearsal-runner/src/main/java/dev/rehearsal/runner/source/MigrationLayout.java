package dev.rehearsal.runner.source;

/** The file naming conventions Rehearsal reads. */
public enum MigrationLayout {
    /** {@code V<version>__<desc>.sql}, undo scripts {@code U<version>__<desc>.sql}, repeatable {@code R__<desc>.sql}. */
    FLYWAY("flyway"),
    /** {@code <version>_<name>.up.sql} and {@code <version>_<name>.down.sql}. */
    GOLANG_MIGRATE("golang-migrate"),
    /** {@code <version>_<name>.sql} holding {@code -- +goose Up} and {@code -- +goose Down} sections. */
    GOOSE("goose"),
    /**
     * {@code <version>_<name>.sql} holding {@code -- migrate:up} and {@code -- migrate:down} sections (dbmate); told
     * from goose by those markers, since the names are alike.
     */
    DBMATE("dbmate"),
    /** A Liquibase changelog (XML, YAML, JSON or formatted SQL): one migration per changeSet, its rollback the undo. */
    LIQUIBASE("liquibase"),
    /**
     * Prisma Migrate's folders: {@code migrations/<timestamp>_<name>/migration.sql}, applied in the order of the folder
     * names, with {@code migration_lock.toml} naming the provider; a {@code down.sql} beside {@code migration.sql} is
     * the undo.
     */
    PRISMA("prisma"),
    /**
     * A Django project (the directory holding {@code manage.py}): its migrations in {@code showmigrations --plan} order,
     * the SQL of each as {@code sqlmigrate} writes it, forwards and {@code --backwards}.
     */
    DJANGO("django");

    private final String id;

    MigrationLayout(String id) {
        this.id = id;
    }

    /** The name used in reports and on the command line. */
    public String id() {
        return id;
    }
}
