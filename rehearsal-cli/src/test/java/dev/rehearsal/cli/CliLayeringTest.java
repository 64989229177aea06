package dev.rehearsal.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line is a front door like the JUnit extension: it uses the engine through its public packages only,
 * so that what the engine keeps internal can change without breaking it. This module sees both, so the rule lives
 * here (the rest of the layering is in sample-migrations' LayeringTest).
 */
class CliLayeringTest {

    private static JavaClasses commandLine;

    @BeforeAll
    static void importClasses() {
        commandLine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.rehearsal.cli");
    }

    @Test // ArchUnit fails a rule that matches no class, so an empty import cannot pass silently
    void should_use_the_engine_only_through_its_public_packages() {
        noClasses().that().resideInAPackage("dev.rehearsal.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rehearsal.runner.internal..",
                        "dev.rehearsal.report.internal..")
                .check(commandLine);
    }
}
