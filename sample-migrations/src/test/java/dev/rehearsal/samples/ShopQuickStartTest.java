package dev.rehearsal.samples;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start set ({@code ./rehearse run sample-migrations/src/main/resources/db/shop}): a shop schema
 * whose history holds safe and dangerous migrations. It must keep showing dangerous findings with their fixes. The
 * migrations load no data: Rehearsal fills each existing table before each migration (here 20 000 rows, 100 000 by
 * default) and runs a concurrent write load beside it.
 */
@MigrationRehearsal(locations = "classpath:db/shop", rows = "20000")
@Tag("slow") // the whole shop history
class ShopQuickStartTest {

    @Test
    void should_flag_the_dangerous_migrations_with_their_fixes(RehearsalResult result) {
        assertThat(result).fails();
        assertThat(result).migration("4").hasFinding("NON_CONCURRENT_INDEX");
        assertThat(remediationOf(result, "NON_CONCURRENT_INDEX"))
                .contains("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)");
        assertThat(result).migration("6").hasFinding("TABLE_REWRITE");
        assertThat(remediationOf(result, "TABLE_REWRITE")).contains("ADD COLUMN total_cents_new bigint");
        assertThat(result).migration("8").hasFinding("DOWN_NOT_RESTORING");
        // AND writers queued behind the rewrite's AccessExclusiveLock
        StatementTrace rewrite = result.migration("6").orElseThrow().statements(Phase.UP).get(0);
        assertThat(rewrite.writers().waits()).isPositive();
        assertThat(rewrite.writers().blockedMaxMs()).isPositive();
    }

    @Test
    void should_pass_the_safe_ones(RehearsalResult result) {
        for (String version : new String[] {"1", "2", "3", "5", "7"}) {
            assertThat(result).migration(version).passesPolicy().isReversible();
        }
        assertThat(result).migration("5").rewritesNoTable();
    }

    private static String remediationOf(RehearsalResult result, String code) {
        return result.findings().stream().filter(f -> f.code().equals(code)).map(Finding::remediation).findFirst()
                .orElseThrow();
    }
}
