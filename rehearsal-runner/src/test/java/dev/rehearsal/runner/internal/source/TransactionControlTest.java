package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.source.TransactionControl.Kind;
import dev.rehearsal.runner.source.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionControlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            BEGIN                                        | OPENS   | BEGIN
            begin transaction isolation level serializable | OPENS | BEGIN
            /* a comment first */ BEGIN WORK             | OPENS   | BEGIN
            START TRANSACTION                            | OPENS   | START TRANSACTION
            COMMIT                                       | COMMITS | COMMIT
            end                                          | COMMITS | END
            ROLLBACK                                     | OTHER   | ROLLBACK
            ABORT                                        | OTHER   | ABORT
            COMMIT PREPARED 'x'                          | OTHER   | COMMIT PREPARED
            PREPARE TRANSACTION 'x'                      | OTHER   | PREPARE TRANSACTION
            """)
    void should_recognise_transaction_control(String sql, Kind kind, String keyword) {
        SqlStatement statement = new SqlStatement(1, sql, true);

        assertThat(TransactionControl.of(statement)).isEqualTo(kind);
        assertThat(TransactionControl.keyword(statement)).isEqualTo(keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ROLLBACK TO SAVEPOINT s", "rollback to s", "SAVEPOINT s", "RELEASE SAVEPOINT s",
            "DO $$ BEGIN PERFORM 1; END $$", "ENDPOINT_CHECK()", "BEGINNING", "SET TRANSACTION READ ONLY",
            "-- BEGIN\nSELECT 1",
    })
    void should_leave_other_statements_alone(String sql) {
        assertThat(TransactionControl.of(new SqlStatement(1, sql, true))).isNull();
    }
}
