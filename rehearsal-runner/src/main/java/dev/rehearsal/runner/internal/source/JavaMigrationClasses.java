package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.JavaCode;
import dev.rehearsal.runner.source.MigrationScript;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Turns a class found in a {@code classpath:} location and named like a Flyway migration ({@code V3__Backfill},
 * {@code U3__Backfill}, {@code R__Refresh}) into a migration script whose code Rehearsal runs. The class is loaded and
 * instantiated as Flyway does (public no-argument constructor); whether it runs in a transaction and its checksum are
 * the instance's own answers. Only {@code migrate} is called for an undo class: open-source Flyway has no Java undo
 * migrations, so a {@code U} class implements {@code JavaMigration} directly and is rehearsed as the down step. Flyway skips a class that is not a {@code JavaMigration} without a word, so such a class
 * named like a migration is refused here, as a misnamed script is.
 */
final class JavaMigrationClasses {

    private JavaMigrationClasses() {
    }

    static MigrationScript script(FoundFile file, ClassLoader loader) {
        String className = className(file.resourceName());
        String path = file.displayPath();
        JavaMigration migration = instantiate(load(className, loader, path), path);
        Integer checksum = migration.getChecksum();
        JavaCode code = new JavaCode(className, connection -> migration.migrate(context(connection, loader)));
        return new MigrationScript(path, "", List.of(), migration.canExecuteInTransaction(),
                checksum != null ? checksum : classChecksum(file), code);
    }

    /**
     * Flyway stores no checksum for a Java migration unless the class gives one; the class file's CRC32 stands in, so
     * that a changed class is told from an unchanged one (edited migrations, the cached history).
     */
    private static int classChecksum(FoundFile file) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file.read());
        return (int) crc.getValue();
    }

    private static String className(String resourceName) {
        return resourceName.substring(0, resourceName.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String className, ClassLoader loader, String path) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw invalid(path, "the class " + className + " cannot be loaded (" + e + "). Check that its"
                    + " package matches its directory below the class-path location and that its dependencies are on"
                    + " the class path.", e);
        }
        if (!JavaMigration.class.isAssignableFrom(type)) {
            throw invalid(path, className + " is named like a Flyway migration but does not implement "
                    + JavaMigration.class.getName() + ", so Flyway skips it without a word and it never runs. Extend"
                    + " org.flywaydb.core.api.migration.BaseJavaMigration, or rename the class or move it out of the"
                    + " migration location.", null);
        }
        return type;
    }

    private static JavaMigration instantiate(Class<?> type, String path) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw invalid(path, type.getName() + " is abstract: Flyway cannot instantiate it, and skips it. Make it"
                    + " a concrete class with a public no-argument constructor, or rename it so that its name does"
                    + " not read as a migration.", null);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                throw new NoSuchMethodException("the class or its no-argument constructor is not public");
            }
            return (JavaMigration) constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw invalid(path, type.getName() + " cannot be instantiated: its constructor threw " + cause
                    + (cause != null && cause.getMessage() != null && cause.getMessage().contains("Invalid")
                    && type.getSimpleName().startsWith("U")
                    ? ". Open-source Flyway's BaseJavaMigration accepts only V and R names: implement"
                            + " org.flywaydb.core.api.migration.JavaMigration directly for an undo class."
                    : ". Flyway would fail the same way: fix the constructor."), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw invalid(path, type.getName() + " cannot be instantiated (" + e.getMessage() + "). Flyway needs a"
                    + " public class with a public no-argument constructor.", e);
        }
    }

    private static Context context(Connection connection, ClassLoader loader) {
        Configuration configuration = Flyway.configure(loader);
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return configuration;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private static RehearsalException invalid(String path, String message, Throwable cause) {
        return new RehearsalException(ErrorCode.INVALID_JAVA_MIGRATION, path + ": " + message, cause);
    }
}
