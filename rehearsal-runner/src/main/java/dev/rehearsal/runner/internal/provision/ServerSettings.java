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
}
