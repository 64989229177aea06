package dev.rehearsal.junit;

import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/** The rehearsal configured by {@link MigrationRehearsal @MigrationRehearsal}, ready to run on the class's server. */
public interface Rehearsal {

    /** Rehearses the migrations once; later calls return the same result. */
    RehearsalResult run();

    /** Rehearses the migrations with the configuration changed by {@code customizer}; runs every time it is called. */
    RehearsalResult run(Consumer<RehearsalConfig.Builder> customizer);

    /** The same rehearsal with app versions checked along the rollout plan. */
    Rehearsal withPlan(RolloutPlan plan);

    /**
     * The same rehearsal with the configuration changed by {@code customizer} (after the annotation's settings), e.g.
     * {@code rehearsal.with(config -> config.lockTimeout(Duration.ofSeconds(2))).dynamicTests()}; its {@link #run()}
     * runs once, as this one's does.
     */
    Rehearsal with(Consumer<RehearsalConfig.Builder> customizer);

    /**
     * One container per migration holding a test per step ({@code V3 up}, {@code V3 down}, {@code V3 up again}) and
     * per app-version check ({@code V3 app v1 after up}), named with the measured figures, derived from
     * {@link #run()}. Return it from a {@code @TestFactory}.
     */
    Stream<DynamicNode> dynamicTests();
}
