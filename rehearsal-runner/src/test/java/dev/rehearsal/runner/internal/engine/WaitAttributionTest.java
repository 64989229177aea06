package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.load.WriterWait;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writer waits the blocking monitor missed (its polls starved of CPU) still count when the writer's own server report
 * puts them on a relation a statement held a conflicting lock on.
 */
class WaitAttributionTest {

    private static final long MS = 1_000_000;
    private static final long ORIGIN = 1_000 * MS;

    @Test
    void should_count_a_reported_wait_on_a_relation_the_statement_held_a_conflicting_lock_on() {
        // GIVEN a rewrite holding ACCESS EXCLUSIVE on public.orders from 100 to 450 ms, and a harmless statement after
        StatementTrace rewrite = statement(100, 350, new LockHold("public.orders", "AccessExclusiveLock", 350));
        StatementTrace select = statement(500, 5, new LockHold("public.orders", "AccessShareLock", 5));
        // the monitor saw nothing; the writers reported three waits
        WriterWait duringRewrite = wait(7, "public.orders", "RowExclusiveLock", 130, 450);
        WriterWait otherTable = wait(8, "public.items", "RowExclusiveLock", 130, 450);
        WriterWait afterRelease = wait(9, "public.orders", "RowExclusiveLock", 470, 480);

        List<WriterWait> waits = WaitAttribution.withReportsOfHeldLocks(List.of(rewrite, select), List.of(),
                List.of(duringRewrite, otherTable, afterRelease), ORIGIN);

        // THEN only the wait the rewrite explains counts, and it is the rewrite's
        assertThat(waits).containsExactly(duringRewrite);
        Map<Integer, List<WriterWait>> byStatement = WaitAttribution.assign(List.of(rewrite, select), waits, ORIGIN);
        assertThat(byStatement).containsOnlyKeys(0);
    }

    @Test
    void should_leave_out_waits_writers_have_on_each_other_for_a_relation_s_extension_or_rows() {
        // GIVEN a concurrent index build holding SHARE UPDATE EXCLUSIVE on public.orders, and writers that waited for
        // each other to extend the table (ExclusiveLock on its extension) and for a row
        StatementTrace build = statement(100, 350, new LockHold("public.orders", "ShareUpdateExclusiveLock", 350));
        WriterWait extension = new WriterWait(7, "rehearsal-load", "public.orders", "ExclusiveLock", "extend",
                ORIGIN + 200 * MS, ORIGIN + 200 * MS, ORIGIN + 190 * MS, ORIGIN + 200 * MS);
        WriterWait row = new WriterWait(8, "rehearsal-load", "public.orders", "ExclusiveLock", "tuple",
                ORIGIN + 220 * MS, ORIGIN + 220 * MS, ORIGIN + 210 * MS, ORIGIN + 220 * MS);

        assertThat(WaitAttribution.withReportsOfHeldLocks(List.of(build), List.of(), List.of(extension, row), ORIGIN))
                .isEmpty();
    }

    @Test
    void should_not_count_twice_a_wait_the_monitor_saw_and_the_writer_reported() {
        StatementTrace rewrite = statement(100, 350, new LockHold("public.orders", "AccessExclusiveLock", 350));
        WriterWait reported = wait(7, "public.orders", "RowExclusiveLock", 130, 450);

        assertThat(WaitAttribution.withReportsOfHeldLocks(List.of(rewrite), List.of(reported), List.of(reported),
                ORIGIN)).containsExactly(reported);
    }

    private static StatementTrace statement(double startMs, double durationMs, LockHold lock) {
        return new StatementTrace(Phase.UP, "V2__rewrite.sql", 1, "ALTER TABLE orders …", startMs, durationMs, true,
                List.of(lock), List.of(), List.of(), null, null, null, null, null, null, null);
    }

    private static WriterWait wait(int pid, String relation, String mode, long startMs, long endMs) {
        long start = ORIGIN + startMs * MS;
        long end = ORIGIN + endMs * MS;
        return new WriterWait(pid, "rehearsal-load", relation, mode, "relation", end, end, start, end);
    }
}
