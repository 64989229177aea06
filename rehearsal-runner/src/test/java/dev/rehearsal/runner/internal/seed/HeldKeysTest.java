package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.seed.RowPlan.HeldKey;
import dev.rehearsal.runner.internal.seed.RowPlan.ReferenceGroup;
import dev.rehearsal.runner.internal.seed.RowPlan.ReferenceValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RowPlan#freshRow} passes over ordinals whose key the table holds already, and only those: rows of two
 * enumerated foreign keys (role × permission) whose pair an earlier seeding took are skipped, the rest keep their
 * order, and a plan with nothing held writes the ordinal it is given.
 */
class HeldKeysTest {

    private static final List<String[]> ROLES = List.of(new String[] {"1"}, new String[] {"2"});
    private static final List<String[]> PERMISSIONS = List.of(new String[] {"10"}, new String[] {"20"},
            new String[] {"30"});

    @Test
    void should_skip_ordinals_whose_pair_the_table_holds() {
        RowPlan plan = pairs(List.of(new HeldKey(List.of(0, 1), Set.of(HeldKey.joined(List.of("1", "10")),
                HeldKey.joined(List.of("2", "20"))))));
        long[] next = {0};
        List<String> rows = new ArrayList<>();
        List<Long> ordinals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ordinals.add(plan.freshRow(() -> next[0]++, new SplittableRandom(1), new StringBuilder(), sink(rows), false));
        }
        // ordinal n is (role n mod 2, permission n / 2): 0 = (1,10) and 3 = (2,20) are held
        assertThat(rows).containsExactly("2|10", "1|20", "1|30", "2|30");
        assertThat(ordinals).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    void should_write_the_given_ordinal_when_nothing_is_held() {
        RowPlan plan = pairs(List.of());
        List<String> rows = new ArrayList<>();
        long ordinal = plan.freshRow(() -> 0, new SplittableRandom(1), new StringBuilder(), sink(rows), false);
        assertThat(ordinal).isZero();
        assertThat(rows).containsExactly("1|10");
    }

    @Test
    void should_write_a_row_after_as_many_attempts_as_keys_are_held() {
        // every pair held: the plan gives up after 6 + 1 ordinals instead of looping, and the server decides
        List<String> all = new ArrayList<>();
        for (String[] role : ROLES) {
            for (String[] permission : PERMISSIONS) {
                all.add(HeldKey.joined(List.of(role[0], permission[0])));
            }
        }
        RowPlan plan = pairs(List.of(new HeldKey(List.of(0, 1), Set.copyOf(all))));
        long[] next = {0};
        List<String> rows = new ArrayList<>();
        long ordinal = plan.freshRow(() -> next[0]++, new SplittableRandom(1), new StringBuilder(), sink(rows), false);
        assertThat(ordinal).isEqualTo(6);
        assertThat(rows).hasSize(1);
    }

    /** Roles counting fastest, then permissions: the enumeration of a unique key over two foreign keys. */
    private static RowPlan pairs(List<HeldKey> held) {
        List<ReferenceGroup> groups = List.of(new ReferenceGroup(ROLES, false, 1, ROLES.size()),
                new ReferenceGroup(PERMISSIONS, false, ROLES.size(), PERMISSIONS.size()));
        ColumnInfo role = column("role_id", 1);
        ColumnInfo permission = column("permission_id", 2);
        return new RowPlan(List.of(role, permission), List.of(new ReferenceValue(0, 0, ROLES),
                new ReferenceValue(1, 0, PERMISSIONS)), groups, Long.MAX_VALUE, held);
    }

    private static ColumnInfo column(String name, int attnum) {
        return new ColumnInfo(attnum, name, new PgType("integer", TypeKind.INTEGER, -1, List.of(), null, false, List.of(), null),
                true, false, false, null, null);
    }

    private static RowSink sink(List<String> rows) {
        StringBuilder row = new StringBuilder();
        return new RowSink() {
            @Override
            public void value(CharSequence text) {
                row.append(row.isEmpty() ? "" : "|").append(text);
            }

            @Override
            public void nullValue() {
                row.append(row.isEmpty() ? "" : "|").append("NULL");
            }

            @Override
            public void endRow() {
                rows.add(row.toString());
                row.setLength(0);
            }
        };
    }
}
