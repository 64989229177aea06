package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Report;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.provision.ExternalPostgresProvider;
import dev.rehearsal.runner.internal.provision.Secrets;
import dev.rehearsal.runner.internal.util.SecretMask;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a rehearsal's secrets out of what it hands back: every text of the report (a statement's SQL with a
 * secret placeholder replaced, an error message quoting it) and every exception message. Secret placeholders show
 * as {@code ${name}}, the connection password as {@code ***}.
 */
public final class SecretRedaction {

    private SecretRedaction() {
    }

    /** The secrets of a configuration: placeholders named like secrets, and the external server's password. */
    public static SecretMask maskFor(RehearsalConfig config) {
        Map<String, String> secrets = new LinkedHashMap<>();
        config.sourceOptions().placeholders().forEach((name, value) -> {
            if (Secrets.looksSecret(name)) {
                secrets.put(value, "${" + name + "}");
            }
        });
        if (config.provider() instanceof ExternalPostgresProvider external && external.password() != null) {
            secrets.put(external.password(), "***");
        }
        return SecretMask.of(secrets);
    }

    /** The report with every string masked. */
    public static Report apply(Report report, SecretMask mask) {
        return mask.isEmpty() ? report : (Report) masked(report, mask);
    }

    /**
     * The exception with its message masked; its causes are replaced by copies with masked messages and the same
     * stack traces, so that even {@code --verbose} shows no secret.
     */
    public static RuntimeException apply(RuntimeException e, SecretMask mask) {
        if (mask.isEmpty()) {
            return e;
        }
        if (e instanceof RehearsalException r) {
            RehearsalException copy = new RehearsalException(r.code(), mask.apply(r.getMessage()),
                    scrubbed(r.getCause(), mask));
            copy.setStackTrace(r.getStackTrace());
            return copy;
        }
        return new RehearsalException(ErrorCode.INTERNAL_ERROR, "Unexpected error: " + mask.apply(e.toString())
                + ". This is a defect in Rehearsal: please report it with the output of --verbose.", scrubbed(e, mask));
    }

    private static Throwable scrubbed(Throwable cause, SecretMask mask) {
        if (cause == null || mask.isEmpty()) {
            return cause;
        }
        Scrubbed copy = new Scrubbed(cause.getClass().getName(), mask.apply(cause.getMessage()),
                scrubbed(cause.getCause(), mask));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    private static Object masked(Object value, SecretMask mask) {
        if (value instanceof String text) {
            return mask.apply(text);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(masked(item, mask)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, masked(v, mask)));
            return copy;
        }
        if (value instanceof Record record) {
            return maskedRecord(record, mask);
        }
        return value;
    }

    private static Record maskedRecord(Record record, SecretMask mask) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = masked(components[i].getAccessor().invoke(record), mask);
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            Throwable reason = e instanceof InvocationTargetException i ? i.getCause() : e;
            throw new IllegalStateException("cannot mask " + record.getClass().getName() + ": " + reason, reason);
        }
    }

    /** A cause of an error, shown like the original but with secrets masked. */
    private static final class Scrubbed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        Scrubbed(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
