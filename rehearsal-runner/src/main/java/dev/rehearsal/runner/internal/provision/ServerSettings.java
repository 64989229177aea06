package dev.rehearsal.runner.internal.provision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the embedded server. It trades durability for speed (no fsync), which shortens commits and
 * rewrites a little compared with production: measured durations are lower bounds. Autovacuum is off so that
 * it never competes with a migration for locks during a measurement. It listens on 127.0.0.1 only: with
 * {@code localhost}, a server whose IPv4 port was taken by another process would still start on ::1, and clients
 * connecting to {@code localhost} would reach the other process.
 */
final class ServerSettings {

    /** The glibc tunable that backs malloc's heap with transparent huge pages where the kernel allows them. */
    static final String MALLOC_HUGE_PAGES = "glibc.malloc.hugetlb=1";

    private ServerSettings() {
    }

    static Map<String, String> embedded() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", EmbeddedServer.HOST);
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "200");
        settings.put("max_locks_per_transaction", "256");
        settings.put("min_wal_size", "2MB");
        settings.put("fsync", "off");
        settings.put("full_page_writes", "off");
        settings.put("synchronous_commit", "off");
        settings.put("autovacuum", "off");
        settings.put("jit", "off");
        settings.put("timezone", "UTC");
        settings.put("log_min_messages", "warning");
        settings.put("log_lock_waits", "on");
        return settings;
    }

    /**
     * The value of {@code GLIBC_TUNABLES} for the server's processes, given the one they would inherit (null when
     * unset). A new backend fills its catalog caches and plans in freshly allocated memory, and on a virtual machine
     * every 4 kB page of it faulted in costs a trip through the hypervisor: the first catalog snapshot of a new
     * session (parse, plan and run the catalog query) took 45–77 ms, median about 52, and 22–49 ms, median about 28,
     * with malloc's heap on transparent huge pages (PostgreSQL 18, 2 cores). Where the kernel's transparent huge
     * pages are {@code madvise} (a common default) glibc 2.35 and later ask for them with this tunable; elsewhere
     * glibc ignores it. A tunable the user set for malloc's huge pages is kept as it is.
     */
    static String glibcTunables(String inherited) {
        if (inherited == null || inherited.isBlank()) {
            return MALLOC_HUGE_PAGES;
        }
        return inherited.contains("glibc.malloc.hugetlb=") ? inherited : inherited + ":" + MALLOC_HUGE_PAGES;
    }
}
