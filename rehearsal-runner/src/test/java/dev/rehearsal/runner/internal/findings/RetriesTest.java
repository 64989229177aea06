package dev.rehearsal.runner.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a step that failed on generated rows is rehearsed once more. */
class RetriesTest {

    private static RejectedData rejected(String relation, String test) {
        return new RejectedData("V2__currency_constraints.sql", 2, "ALTER TABLE …", "23514", "check violated", relation,
                "currency", "x", test, 10);
    }

    @Test
    void should_go_on_while_each_rejection_is_by_another_statement_table_or_test() {
        // GIVEN rejections without the write load: two CHECKs of one statement on one table, then another table
        List<RejectedData> checksInTurn = List.of(rejected("public.addons", "(a) IS FALSE"),
                rejected("public.plan_rate_cards", "(has_price) IS FALSE"),
                rejected("public.plan_rate_cards", "(reference) IS FALSE"));

        // THEN each was progress (before: the second CHECK of the same statement and table counted as no progress,
        // and OpenMeter's 20260728103546 stopped with its third table's rows still there)
        assertThat(Retries.mayTryAgain(3, checksInTurn, 0)).isTrue();
    }

    @Test
    void should_stop_when_the_same_test_rejects_rows_again() {
        List<RejectedData> again = List.of(rejected("public.plan_rate_cards", "(reference) IS FALSE"),
                rejected("public.plan_rate_cards", "(reference) IS FALSE"));

        assertThat(Retries.mayTryAgain(Retries.MAX_AGAIN, again, 0)).isFalse();
        assertThat(Retries.mayTryAgain(Retries.MAX_AGAIN - 1, again, 0)).as("within the first attempts").isTrue();
        assertThat(Retries.mayTryAgain(Retries.MAX_AGAIN_WHILE_REJECTIONS_ADVANCE, List.of(), 0)).isFalse();
    }
}
