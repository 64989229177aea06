package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file comparison. {@code -Drehearsal.updateGolden=true} rewrites the files instead of comparing;
 * review the diff with git before committing them.
 */
final class Golden {

    static final String UPDATE_PROPERTY = "rehearsal.updateGolden";
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String fileName, String actual) throws IOException {
        Path file = DIRECTORY.resolve(fileName);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String hint = "\nIf the change is intended, run: mvn -pl reports test -D" + UPDATE_PROPERTY
                + "=true and review the diff of " + file;
        if (!Files.exists(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing" + hint);
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(firstDifference(expected, actual) + hint);
        }
    }

    private static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of file>";
            String g = i < got.size() ? got.get(i) : "<end of file>";
            if (!w.equals(g)) {
                return "output differs from the golden file at line " + (i + 1) + "\n  expected: " + w
                        + "\n  actual:   " + g;
            }
        }
        return "output differs from the golden file only in line endings or the final newline";
    }
}
