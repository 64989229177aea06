package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stored data directory a run with a history starts from. */
class HistoryCacheTest {

    private static final String KEY = "0123456789abcdef";

    @TempDir
    Path dir;

    private PostgresBinaries binaries() {
        return new PostgresBinaries(BuildInfo.defaultPostgresMajor(), Platform.current(),
                BinariesDownload.into(dir.resolve("binaries")));
    }

    /** A stored directory under pgdata/history, last used {@code minutesAgo} ago; {@code complete} writes its marker. */
    private Path stored(String name, int minutesAgo, boolean complete) throws IOException {
        Path directory = Files.createDirectories(dir.resolve("pgdata").resolve("history").resolve(name));
        if (complete) {
            Path marker = Files.writeString(directory.resolve(".rehearsal-history"), name + "\n");
            Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
        }
        return directory;
    }

    @Test
    void should_start_from_the_directory_of_the_history_used_last_with_or_without_seeded_rows() throws IOException {
        PostgresBinaries binaries = binaries();
        String plain = binaries.key() + "-" + KEY;
        stored(plain, 30, true);
        Path seededEarlier = stored(plain + "_aaaaaaaaaaaaaaaa", 20, true);
        Path seededLast = stored(plain + "_bbbbbbbbbbbbbbbb", 10, true);
        // another history used more recently, a seeded directory still being staged, one without its marker
        stored(binaries.key() + "-fedcba9876543210_cccccccccccccccc", 1, true);
        stored(plain + "_dddddddddddddddd.staging-1234", 0, true);
        stored(plain + "_eeeeeeeeeeeeeeee", 0, false);

        HistoryCache cache = new HistoryCache(dir);

        assertThat(cache.find(binaries, KEY)).contains(seededLast);
        // AND finding it marks it used, so the next run with this history starts from it again
        Files.setLastModifiedTime(seededEarlier.resolve(".rehearsal-history"), FileTime.fromMillis(
                System.currentTimeMillis() - 5 * 60_000L));
        assertThat(cache.find(binaries, KEY)).contains(seededLast);
        assertThat(cache.find(binaries, "0000000000000000")).isEmpty();
    }

    @Test
    void should_start_from_the_history_alone_when_no_seeded_directory_was_stored() throws IOException {
        PostgresBinaries binaries = binaries();
        Path plain = stored(binaries.key() + "-" + KEY, 30, true);

        assertThat(new HistoryCache(dir).find(binaries, KEY)).contains(plain);
    }
}
