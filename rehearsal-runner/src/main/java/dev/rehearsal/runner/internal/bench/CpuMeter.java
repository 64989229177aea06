package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * CPU used by a PostgreSQL backend (from /proc, so the server must run on this machine) and by a JVM thread,
 * between creation and {@link #usage()}.
 */
final class CpuMeter {

    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    private final int backendPid;
    private final long threadId;
    private final long startNanos = System.nanoTime();
    private final long backendTicks;
    private final long threadCpuNanos;

    private CpuMeter(int backendPid, long threadId) {
        this.backendPid = backendPid;
        this.threadId = threadId;
        this.backendTicks = ticks(backendPid);
        this.threadCpuNanos = threadCpu(threadId);
    }

    /** Meters the backend of the session named {@code applicationName} and the JVM thread named {@code threadName}. */
    static CpuMeter of(ScratchDatabase db, String applicationName, String threadName) throws SQLException {
        int pid = -1;
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT pid FROM pg_stat_activity WHERE application_name = ? LIMIT 1")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    pid = rs.getInt(1);
                }
            }
        }
        long threadId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName))
                .findFirst().map(Thread::getId).orElse(-1L);
        return new CpuMeter(pid, threadId);
    }

    /** Share of one core the backend and the thread used since creation. */
    Usage usage() {
        double wallMs = (System.nanoTime() - startNanos) / 1e6;
        long ticksNow = ticks(backendPid);
        double backendMs = ticksNow < 0 || backendTicks < 0 ? Double.NaN : (ticksNow - backendTicks) * TICK_MS;
        double threadMs = (threadCpu(threadId) - threadCpuNanos) / 1e6;
        return new Usage(wallMs / 1000, 100 * backendMs / wallMs,
                threadId < 0 ? Double.NaN : 100 * threadMs / wallMs);
    }

    /** @param seconds wall time; the shares are in % of one core, NaN when the backend or thread was not found */
    record Usage(double seconds, double backendPercent, double threadPercent) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "backend %.1f %%, thread %.1f %% of a core over %.1f s", backendPercent,
                    threadPercent, seconds);
        }
    }

    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1; // no such backend, or no /proc
        }
    }

    private static long threadCpu(long threadId) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return threadId < 0 ? 0 : Math.max(0, bean.getThreadCpuTime(threadId));
    }
}
