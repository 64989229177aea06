package dev.rehearsal.compat;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.commons.util.PackageUtils;

/** The extension built against JUnit 5.14 runs on JUnit 6: parameters, the per-class server, dynamic tests. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/compat", rows = "0", load = Toggle.OFF)
class JUnit6CompatibilityTest {

    @Test
    void should_run_on_junit_6() {
        assertThat(PackageUtils.getAttribute(Test.class, Package::getImplementationVersion))
                .hasValueSatisfying(version -> assertThat(version).startsWith("6."));
    }

    @Test
    void should_rehearse_and_inject_the_result(RehearsalResult result) {
        assertThat(result).passes().migration("1").isReversible();
    }

    @Test
    void should_inject_a_scratch_database(@RehearsalDatabase DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("rehearsal_test_");
        }
    }

    @TestFactory
    Stream<DynamicNode> steps(Rehearsal rehearsal) {
        return rehearsal.dynamicTests();
    }
}
