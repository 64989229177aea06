package dev.rehearsal.runner.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void should_pass_on_sql_runtime_and_errors_as_they_are() {
        SQLException sql = new SQLException("refused", "23514");
        IllegalStateException runtime = new IllegalStateException("broken");
        AssertionError error = new AssertionError("lost");

        assertThat(catchThrowable(() -> Failures.rethrow(sql))).isSameAs(sql);
        assertThat(catchThrowable(() -> Failures.rethrow(runtime))).isSameAs(runtime);
        assertThat(catchThrowable(() -> Failures.rethrow(error))).isSameAs(error);
    }

    @Test
    void should_wrap_any_other_failure_and_ignore_none() {
        IOException io = new IOException("disk");

        assertThat(catchThrowable(() -> Failures.rethrow(io))).isInstanceOf(SQLException.class).hasCause(io);
        assertThatCode(() -> Failures.rethrow(null)).doesNotThrowAnyException();
    }
}
