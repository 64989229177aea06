package dev.rehearsal.samples;

import dev.rehearsal.runner.plan.AppVersion;

/** The two app versions of the customer-reference rename: v1 knows customer_ref, v2 knows customer_id. */
final class AppVersions {

    static final AppVersion V1 = AppVersion.named("v1")
            .sql("list orders", "SELECT id, customer_ref, total_cents FROM orders ORDER BY id LIMIT 10")
            .sql("place order", "INSERT INTO orders (customer_ref, total_cents) VALUES ('c-42', 1999)");

    static final AppVersion V2 = AppVersion.named("v2")
            .sql("list orders", "SELECT id, customer_id, total_cents FROM orders ORDER BY id LIMIT 10")
            .sql("place order", "INSERT INTO orders (customer_id, total_cents) VALUES ('c-42', 1999)");

    private AppVersions() {
    }
}
