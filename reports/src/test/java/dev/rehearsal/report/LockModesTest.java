package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockModesTest {

    @Test
    void should_order_modes_as_postgresql_ranks_their_strength() {
        List<String> shuffled = List.of("ShareLock", "AccessExclusiveLock", "AccessShareLock", "RowExclusiveLock",
                "ExclusiveLock", "ShareUpdateExclusiveLock", "RowShareLock", "ShareRowExclusiveLock");

        assertThat(shuffled.stream().sorted(LockModes.BY_STRENGTH).toList()).isEqualTo(LockModes.ORDER);
        assertThat(LockModes.strongest(List.of("RowExclusiveLock", "ShareLock", "AccessShareLock"))).hasValue("ShareLock");
        assertThat(LockModes.strength("SIReadLock")).isEqualTo(-1);
    }

    @Test
    void should_tell_which_modes_block_writers_and_readers() {
        assertThat(LockModes.ORDER.stream().filter(LockModes::blocksWriters).toList())
                .containsExactly("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
        assertThat(LockModes.blocksReaders("ExclusiveLock")).isFalse();
        assertThat(LockModes.blocksReaders("AccessExclusiveLock")).isTrue();
        assertThat(LockModes.shortName("ShareUpdateExclusiveLock")).isEqualTo("ShareUpdateExclusive");
    }

    @Test
    void should_pick_the_strongest_lock_of_a_migration_then_the_longest_hold() {
        StatementTrace a = new StatementTrace(Phase.UP, "V1.sql", 1, "x", 0, 1, true,
                List.of(new LockHold("public.a", "ShareLock", 500), new LockHold("public.b", "AccessExclusiveLock", 2)),
                List.of(), List.of(), null, null, null, null);
        StatementTrace b = new StatementTrace(Phase.UP, "V1.sql", 2, "y", 1, 1, true,
                List.of(new LockHold("public.c", "AccessExclusiveLock", 9)), List.of(), List.of(), null, null, null, null);
        MigrationReport m = new MigrationReport("1", "x", MigrationKind.VERSIONED, "V1.sql", null, true, null,
                RoundTrip.notRun(), List.of(a, b), List.of(), List.of(), null, List.of(), null, 2);

        assertThat(m.strongestLock()).hasValue(new LockHold("public.c", "AccessExclusiveLock", 9));
        assertThat(m.longestLockHold()).hasValue(new LockHold("public.a", "ShareLock", 500));
    }

    @Test
    void should_say_which_mode_blocks_everyone_another_blocks() {
        assertThat(LockModes.covers("ShareUpdateExclusiveLock", "AccessShareLock")).isTrue();
        assertThat(LockModes.covers("ShareLock", "AccessShareLock")).isTrue();
        assertThat(LockModes.covers("AccessExclusiveLock", "RowExclusiveLock")).isTrue();
        assertThat(LockModes.covers("RowExclusiveLock", "RowExclusiveLock")).isTrue();
        // stronger is not enough: ShareLock lets ShareLock in, which ShareUpdateExclusiveLock keeps out
        assertThat(LockModes.covers("ShareLock", "ShareUpdateExclusiveLock")).isFalse();
        assertThat(LockModes.covers("AccessShareLock", "ShareUpdateExclusiveLock")).isFalse();
    }
}
