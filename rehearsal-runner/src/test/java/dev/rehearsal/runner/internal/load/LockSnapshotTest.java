package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockSnapshotTest {

    private static final int MIGRATION = 100;

    @Test
    void should_attribute_waits_directly_and_transitively_to_the_migration_but_not_its_own_or_unrelated_ones() {
        // GIVEN 200 waits for the migration, 300 for 200, 400 for an unrelated session, the migration for a reader
        LockSnapshot snapshot = new LockSnapshot(0, List.of(
                waiting(MIGRATION, 50), waiting(200, MIGRATION), waiting(300, 200), waiting(400, 77),
                waiting(500, 77, MIGRATION)));

        // WHEN
        List<Integer> caused = snapshot.causedBy(MIGRATION).stream().map(LockSnapshot.Waiting::pid).toList();

        // THEN
        assertThat(caused).containsExactlyInAnyOrder(200, 300, 500);
    }

    private static LockSnapshot.Waiting waiting(int pid, int... blockers) {
        return new LockSnapshot.Waiting(pid, "relation", "RowExclusiveLock", "public.t", "1/null", Long.MIN_VALUE,
                blockers, "rehearsal-load");
    }
}
