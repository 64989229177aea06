package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.runner.internal.trace.GatedLocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sampled locks join a statement's report: the same ones in every run. */
class GatedStatementsTest {

    @Test
    void should_leave_out_a_sampled_lock_that_another_lock_on_the_same_relation_covers() {
        // GIVEN what a sampler saw of a VACUUM: its brief look-up lock, the table's lock, an index's lock
        List<LockHold> sampled = List.of(
                new LockHold("public.items", "AccessShareLock", 0.7),
                new LockHold("public.items", "ShareUpdateExclusiveLock", 5.0),
                new LockHold("public.items_pkey", "RowExclusiveLock", 3.0),
                new LockHold("public.other", "ShareLock", 1.0),
                new LockHold("public.other", "ShareUpdateExclusiveLock", 1.0));

        List<LockHold> locks = GatedStatements.locks(GatedLocks.NONE, sampled, true, 0, 10_000_000L, relation -> true);

        // THEN the look-up lock, which blocks nobody the table's lock does not, is left out; neither of two locks
        // that each block someone the other does not is
        assertThat(locks).extracting(LockHold::relation, LockHold::mode).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("public.items", "ShareUpdateExclusiveLock"),
                org.assertj.core.groups.Tuple.tuple("public.items_pkey", "RowExclusiveLock"),
                org.assertj.core.groups.Tuple.tuple("public.other", "ShareLock"),
                org.assertj.core.groups.Tuple.tuple("public.other", "ShareUpdateExclusiveLock"));
    }
}
