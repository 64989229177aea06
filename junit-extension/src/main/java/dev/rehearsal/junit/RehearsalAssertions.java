package dev.rehearsal.junit;

/**
 * Entry point for assertions on rehearsals, in the style of AssertJ:
 * <pre>{@code
 * assertThat(result).migration("3").isReversible().takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE);
 * assertThat(result).appVersion("v1").worksAtEveryPhaseUntil("4");
 * }</pre>
 */
public final class RehearsalAssertions {

    private RehearsalAssertions() {
    }

    public static RehearsalResultAssert assertThat(RehearsalResult actual) {
        return new RehearsalResultAssert(actual);
    }
}
