package dev.rehearsal.runner.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    /** Two runs may sweep the same abandoned run directory at once; neither may report the other's work as an error. */
    @Test
    void should_delete_a_tree_that_another_thread_is_deleting_at_the_same_time() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path root = tree(dir.resolve("run-" + round));
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Void>> deleters = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                deleters.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        FileTrees.delete(root);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<Void> deleter : deleters) {
                deleter.join(); // throws if either deleter failed
            }
            assertThat(root).doesNotExist();
        }
    }

    private static Path tree(Path root) throws Exception {
        for (int d = 0; d < 40; d++) {
            Path sub = Files.createDirectories(root.resolve("d" + d).resolve("inner"));
            for (int f = 0; f < 10; f++) {
                Files.writeString(sub.resolve("f" + f), "x");
                Files.writeString(sub.getParent().resolve("g" + f), "x");
            }
        }
        return root;
    }
}
