package dev.rehearsal.report.render;

import dev.rehearsal.report.LockModes;

/**
 * Bar colours per lock mode, from cool (weak) to dark red (AccessExclusive). Each has at least 3:1 contrast
 * against the white chart background (WCAG 1.4.11); the mode is also written in every bar's title and in the tables.
 */
final class LockColors {

    private static final String[] BY_STRENGTH = {
        "#3b6e9c", // AccessShare
        "#24786f", // RowShare
        "#4d7a25", // RowExclusive
        "#7a6a0c", // ShareUpdateExclusive
        "#b35300", // Share
        "#9c3f86", // ShareRowExclusive
        "#c0271b", // Exclusive
        "#6e0a0a", // AccessExclusive
    };

    /** A statement that took no relation lock. */
    static final String NONE = "#6b6b6b";

    private LockColors() {
    }

    static String of(String mode) {
        int strength = LockModes.strength(mode);
        return strength < 0 ? NONE : BY_STRENGTH[strength];
    }
}
