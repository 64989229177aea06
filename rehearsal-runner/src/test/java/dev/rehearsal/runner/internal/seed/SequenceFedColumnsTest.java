package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.seed.SequenceFedColumns.Fed;
import org.junit.jupiter.api.Test;

/** Columns the chain's INSERTs number with nextval of a sequence, read from the statements (OHDSI WebAPI's way). */
class SequenceFedColumnsTest {

    @Test
    void should_read_the_columns_a_values_list_numbers_from_a_sequence() {
        assertThat(SequenceFedColumns.of("INSERT INTO public.sec_permission(id, value, description) VALUES "
                + "(nextval('public.sec_permission_id_seq'), 'cohort:post', 'Create, with a comma'), "
                + "(nextval('public.sec_permission_id_seq'), 'cohort:get', 'List')"))
                .containsExactly(new Fed("sec_permission", "id", "public.sec_permission_id_seq"));
    }

    @Test
    void should_read_the_columns_a_select_list_numbers_from_a_sequence() {
        assertThat(SequenceFedColumns.of("INSERT INTO sec_role_permission (\"ID\", role_id, permission_id) "
                + "SELECT NEXTVAL('sec_role_permission_sequence'::regclass) AS id, sr.id, sp.id "
                + "FROM sec_permission sp, sec_role sr WHERE sp.value LIKE 'cohort:%'"))
                .containsExactly(new Fed("sec_role_permission", "ID", "sec_role_permission_sequence"));
    }

    @Test
    void should_read_nothing_from_inserts_that_number_no_column_from_a_sequence() {
        assertThat(SequenceFedColumns.of("INSERT INTO orders (id, total) VALUES (1, 10)")).isEmpty();
        assertThat(SequenceFedColumns.of("INSERT INTO orders VALUES (nextval('orders_seq'), 10)")).isEmpty();
        assertThat(SequenceFedColumns.of("INSERT INTO orders (id, total) VALUES (nextval('orders_seq') + 1, 10)"))
                .isEmpty();
        assertThat(SequenceFedColumns.of("UPDATE orders SET id = nextval('orders_seq')")).isEmpty();
    }
}
