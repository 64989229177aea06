package dev.rehearsal.report.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The {@code report.json} codec. Reading is lenient about unknown fields so that a report written by a
 * newer Rehearsal can still be re-rendered by an older one.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private ReportJson() {
    }

    public static void write(Report report, Writer out) throws IOException {
        MAPPER.writeValue(new NonClosingWriter(out), report);
    }

    public static String toJson(Report report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report read(Reader in) throws IOException {
        return MAPPER.readValue(in, Report.class);
    }

    /** The shared mapper, for renderers that build other JSON documents (SARIF). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Jackson closes the target by default; the caller owns the writer. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
