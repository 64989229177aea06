package dev.rehearsal.runner.internal.util;

import org.flywaydb.core.api.MigrationVersion;

/**
 * Migration versions compared as Flyway compares them where they are Flyway-shaped (1.1, 1_1 and 01.1 are one
 * version), and as text where they are not: a Liquibase changeSet id, or a Prisma folder name kept whole because
 * two folders share its timestamp ({@code 20260630120000_add_webhook_delivery_filter}), which Flyway refuses to
 * parse.
 */
public final class Versions {

    private Versions() {
    }

    /** Whether the two name one version; a leading V on {@code given} is a file name's, not the version's. */
    public static boolean same(String chain, String given) {
        if (chain == null || given == null) {
            return false;
        }
        String bare = given.startsWith("V") || given.startsWith("v") ? given.substring(1) : given;
        try {
            return MigrationVersion.fromVersion(chain).equals(MigrationVersion.fromVersion(bare));
        } catch (RuntimeException notFlywayShaped) {
            return chain.equals(bare) || chain.equals(given);
        }
    }
}
