package dev.rehearsal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The module layering, written as a test so that it cannot drift silently:
 * reports ← rehearsal-runner ← junit-extension ← sample-migrations, nothing pointing back up, and each module's
 * {@code internal} packages used by that module only; inside the engine, no package cycle.
 */
@Tag("slow") // ArchUnit imports every class
class LayeringTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the runner's test support reaches this module as a test jar once the reactor has packaged it
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.rehearsal");
    }

    @Test
    void should_keep_the_report_model_free_of_the_engine_jdbc_and_junit() {
        noClasses().that().resideInAPackage("dev.rehearsal.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rehearsal.runner..", "dev.rehearsal.junit..",
                        "java.sql..", "javax.sql..", "org.postgresql..", "org.junit..")
                .check(production);
    }

    @Test
    void should_keep_the_engine_independent_of_the_junit_extension() {
        noClasses().that().resideInAPackage("dev.rehearsal.runner..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rehearsal.junit..", "org.junit..", "org.assertj..")
                .check(production);
    }

    @Test
    void should_use_the_engine_only_through_its_public_packages() {
        noClasses().that().resideOutsideOfPackage("dev.rehearsal.runner..")
                .should().dependOnClassesThat().resideInAPackage("dev.rehearsal.runner.internal..")
                .check(production);
        noClasses().that().resideOutsideOfPackage("dev.rehearsal.report..")
                .should().dependOnClassesThat().resideInAPackage("dev.rehearsal.report.internal..")
                .check(production);
    }

    @Test
    void should_keep_the_command_line_on_top_of_the_engine() {
        noClasses().that().resideOutsideOfPackage("dev.rehearsal.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.rehearsal.cli..")
                .check(production);
    }

    @Test
    void should_keep_the_engine_packages_free_of_cycles() {
        // One slice per package, the root package included (a "runner.(**)" pattern would leave it out): the front
        // door may use internal packages only because nothing internal uses the front door.
        slices().assignedFrom(new EachPackageOf("dev.rehearsal.runner"))
                .should().beFreeOfCycles()
                .check(production);
    }

    private record EachPackageOf(String root) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + root;
        }
    }
}
