package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * CPU used by a PostgreSQL backend (from /proc, so the server must run on this machine) and by a JVM thread,
 * between creation and {@link #report()}.
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

    static CpuMeter of(ScratchDatabase db, String applicationName, String threadName) throws SQLException {
        int pid = (int) dev.rehearsal.runner.internal.seed.Sql.number(db,
                "SELECT pid FROM pg_stat_activity WHERE application_name = '" + applicationName + "' LIMIT 1");
        long threadId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName))
                .findFirst().map(Thread::getId).orElse(-1L);
        return new CpuMeter(pid, threadId);
    }

    String report() {
        double wallMs = (System.nanoTime() - startNanos) / 1e6;
        double backendMs = (ticks(backendPid) - backendTicks) * TICK_MS;
        double threadMs = (threadCpu(threadId) - threadCpuNanos) / 1e6;
        return String.format("CPU over %.1f s: monitor backend %.1f %% of a core, monitor thread %.1f %% of a core",
                wallMs / 1000, 100 * backendMs / wallMs, 100 * threadMs / wallMs);
    }

    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long threadCpu(long threadId) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return threadId < 0 ? 0 : Math.max(0, bean.getThreadCpuTime(threadId));
    }
}
