package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GoldenFileTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void should_render_the_fixture_exactly_as_the_golden_file(ReportFormat format) throws Exception {
        // GIVEN the fixed report  WHEN rendered
        String actual = Rendering.render(format, ReportFixture.report());

        // THEN byte for byte what was reviewed
        Golden.assertMatches(format.fileName(), actual);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void should_render_the_same_report_to_the_same_text(ReportFormat format) {
        assertThat(Rendering.render(format, ReportFixture.report()))
                .isEqualTo(Rendering.render(format, ReportFixture.report()));
    }
}
