package dev.rehearsal.runner;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.plan.PlanFile;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.nio.file.Path;

/**
 * Reads rollout plans written as YAML (format in docs/phases.md), for the front doors that take a plan file: the
 * command line and the Maven plugin read the one format the same way. Jackson's YAML module is an optional dependency
 * of the engine, so that a JUnit user, who writes plans in Java, does not receive it; the front doors bring it.
 */
public final class PlanFiles {

    static final String YAML_CLASS = "com.fasterxml.jackson.dataformat.yaml.YAMLFactory";

    private PlanFiles() {
    }

    /**
     * The plan in this YAML file.
     *
     * @throws RehearsalException {@link ErrorCode#INVALID_CONFIGURATION} naming the file, line and column of the
     *                            first mistake, that the file does not exist, or that Jackson's YAML module is missing
     */
    public static RolloutPlan read(Path yaml) {
        requireYaml(yaml, YAML_CLASS, PlanFiles.class.getClassLoader());
        return PlanFile.read(yaml);
    }

    static void requireYaml(Path yaml, String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "The rollout plan " + yaml + " cannot be "
                    + "read: Jackson's YAML module is not on the class path (" + className + " is missing). Add the "
                    + "dependency com.fasterxml.jackson.dataformat:jackson-dataformat-yaml, or build the plan in Java "
                    + "with RolloutPlan.deploy(…).", e);
        }
    }
}
