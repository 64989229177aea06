package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddedWithoutValueTest {

    @Test
    void should_put_null_in_place_of_the_column_only_where_the_expression_names_it() {
        assertThat(AddedWithoutValue.asNull("(currency IS NULL) <> (\"custom_currency_id\" IS NULL) AND "
                + "custom_currency_id_old = 'custom_currency_id' AND t.custom_currency_id > 0 AND x::custom_currency_id "
                + "AND custom_currency_id(1) AND CUSTOM_CURRENCY_ID < 2", List.of("custom_currency_id")))
                .isEqualTo("(currency IS NULL) <> (NULL IS NULL) AND custom_currency_id_old = 'custom_currency_id' AND "
                        + "t.custom_currency_id > 0 AND x::custom_currency_id AND custom_currency_id(1) AND NULL < 2");
        // a quoted camel-case name is that name only
        assertThat(AddedWithoutValue.asNull("\"currencyId\" IS NULL OR currencyid IS NULL", List.of("currencyId")))
                .isEqualTo("NULL IS NULL OR currencyid IS NULL");
    }

    @Test
    void should_tell_a_definition_that_leaves_the_rows_null_from_one_that_fills_them() {
        assertThat(AddedWithoutValue.leavesNull("character(26) NULL")).isTrue();
        assertThat(AddedWithoutValue.leavesNull("text NOT NULL CHECK (x <> 'default')")).isTrue();
        assertThat(AddedWithoutValue.leavesNull("character varying NOT NULL DEFAULT 'single'")).isFalse();
        assertThat(AddedWithoutValue.leavesNull("bigserial")).isFalse();
        assertThat(AddedWithoutValue.leavesNull("int GENERATED ALWAYS AS IDENTITY")).isFalse();
    }
}
