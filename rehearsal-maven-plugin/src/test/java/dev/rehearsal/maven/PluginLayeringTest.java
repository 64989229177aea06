package dev.rehearsal.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is a front door like the command line: it uses the engine through its public packages only. */
class PluginLayeringTest {

    private final JavaClasses plugin = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.rehearsal.maven");

    @Test // ArchUnit fails a rule that matches no class, so an empty import cannot pass silently
    void should_use_the_engine_and_the_reports_only_through_their_public_packages() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.rehearsal.runner.internal..",
                "dev.rehearsal.report.internal..", "dev.rehearsal.cli..").check(plugin);
    }
}
