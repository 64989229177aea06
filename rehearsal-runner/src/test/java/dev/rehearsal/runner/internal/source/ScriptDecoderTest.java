package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptDecoderTest {

    @Test
    void should_decode_utf8_and_drop_a_byte_order_mark() {
        byte[] text = "\uFEFFSELECT 'ünïcödé €';".getBytes(StandardCharsets.UTF_8);

        assertThat(ScriptDecoder.decode(text, "V1__a.sql")).isEqualTo("SELECT 'ünïcödé €';");
    }

    @Test
    void should_keep_a_byte_order_mark_that_is_not_at_the_start() {
        byte[] text = "SELECT '\uFEFF';".getBytes(StandardCharsets.UTF_8);

        assertThat(ScriptDecoder.decode(text, "V1__a.sql")).isEqualTo("SELECT '\uFEFF';");
    }

    @Test
    void should_count_offsets_in_the_file_including_the_byte_order_mark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A', '\n', 'B', (byte) 0xFF};

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> ScriptDecoder.decode(bytes, "db/V1__a.sql"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
        assertThat(e.getMessage()).startsWith("db/V1__a.sql is not valid UTF-8: byte 0xFF at line 2 (byte offset 6)")
                .contains("iconv -f WINDOWS-1252 -t UTF-8 V1__a.sql");
    }

    @Test
    void should_report_a_truncated_sequence_at_the_end() {
        byte[] bytes = {'A', (byte) 0xC3};

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> ScriptDecoder.decode(bytes, "x.sql"));

        assertThat(e.getMessage()).contains("byte 0xC3 at line 1 (byte offset 1)");
    }
}
