package dev.rehearsal.runner.internal.load;

import java.util.List;

/**
 * The tables the write load writes to: schema-qualified names as SQL reads them ({@code public.orders},
 * {@code "Sales"."Orders"}). Empty: every user table the seeder would fill.
 */
public record LoadTargets(List<String> tables) {

    public LoadTargets {
        tables = List.copyOf(tables);
    }

    public static LoadTargets of(String... tables) {
        return new LoadTargets(List.of(tables));
    }

    public static LoadTargets allTables() {
        return new LoadTargets(List.of());
    }
}
