package dev.rehearsal.runner.internal.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy threads that keep the cores occupied, so that a lock measurement which depends on when a sampler thread gets
 * scheduled would show it. Bounded: a few threads, each stopping at {@link #close()} or after its time limit.
 */
public final class CpuHog implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public static CpuHog start(int threads, Duration limit) {
        CpuHog hog = new CpuHog();
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                long x = 0;
                while (hog.running && System.nanoTime() < deadline) {
                    x += x * 31 + 7;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "cpu-hog-" + i);
            thread.setDaemon(true);
            thread.start();
            hog.threads.add(thread);
        }
        return hog;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
