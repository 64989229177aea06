package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.internal.util.Failures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The connection a Java migration gets: every statement it executes (through {@code Statement},
 * {@code PreparedStatement} or {@code CallableStatement}, batches included) is handed to a {@link Tracer} with its
 * text and the line of the migration class that sent it, which runs it and measures it as a script statement. The
 * migration cannot close the connection: it is Rehearsal's session, as it is Flyway's.
 */
final class TracedConnection {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> EXECUTES_BATCH = Set.of("executeBatch", "executeLargeBatch");

    private TracedConnection() {
    }

    /** Runs one statement of the migration; {@code send} performs the migration's own JDBC call. */
    @FunctionalInterface
    interface Tracer {
        Object trace(String sql, int line, Call send) throws SQLException;
    }

    /** The migration's JDBC call, as it made it. */
    @FunctionalInterface
    interface Call {
        Object run() throws SQLException;
    }

    /**
     * @param migrationClass statements are placed at the innermost stack frame of this class or its nested classes
     * @param timeoutSeconds the query timeout every statement starts with (the migration may set its own)
     */
    static Connection wrap(Connection real, String migrationClass, int timeoutSeconds, Tracer tracer) {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(TracedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close")) {
                        return null;
                    }
                    Object result = invoke(real, method, args);
                    if (result instanceof Statement statement && (name.equals("createStatement")
                            || name.equals("prepareStatement") || name.equals("prepareCall"))) {
                        statement.setQueryTimeout(timeoutSeconds);
                        String prepared = name.equals("createStatement") ? null : (String) args[0];
                        Class<?> type = name.equals("prepareCall") ? CallableStatement.class
                                : name.equals("prepareStatement") ? PreparedStatement.class : Statement.class;
                        return Proxy.newProxyInstance(TracedConnection.class.getClassLoader(), new Class<?>[] {type},
                                new TracedStatement(statement, prepared, self[0], migrationClass, tracer));
                    }
                    return result;
                });
        return self[0];
    }

    private static final class TracedStatement implements InvocationHandler {
        private final Statement real;
        private final String prepared;
        private final Connection connection;
        private final String migrationClass;
        private final Tracer tracer;
        private final List<String> batch = new ArrayList<>();
        private int preparedBatch;

        TracedStatement(Statement real, String prepared, Connection connection, String migrationClass, Tracer tracer) {
            this.real = real;
            this.prepared = prepared;
            this.connection = connection;
            this.migrationClass = migrationClass;
            this.tracer = tracer;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            boolean withText = args != null && args.length > 0 && args[0] instanceof String;
            switch (name) {
                case "getConnection":
                    return connection;
                case "addBatch":
                    if (withText) {
                        batch.add((String) args[0]);
                    } else {
                        preparedBatch++;
                    }
                    return TracedConnection.invoke(real, method, args);
                case "clearBatch":
                    batch.clear();
                    preparedBatch = 0;
                    return TracedConnection.invoke(real, method, args);
                default:
                    break;
            }
            if (EXECUTES.contains(name) && (withText || prepared != null)) {
                String sql = asWritten(withText ? (String) args[0] : prepared);
                return tracer.trace(sql, line(), () -> TracedConnection.invoke(real, method, args));
            }
            if (EXECUTES_BATCH.contains(name)) {
                String sql = prepared != null
                        ? prepared + "\n-- executed as a batch of " + preparedBatch
                        : String.join(";\n", batch);
                batch.clear();
                preparedBatch = 0;
                return tracer.trace(sql, line(), () -> TracedConnection.invoke(real, method, args));
            }
            return TracedConnection.invoke(real, method, args);
        }

        /**
         * The statement as reports show it and remedies quote it: without the trailing semicolon Java strings often
         * carry, as a script's statements are split (the call itself sends the string unchanged).
         */
        private static String asWritten(String sql) {
            return sql == null ? null : sql.strip().replaceFirst("[;\\s]+$", "");
        }

        private int line() {
            return StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> f.getClassName().equals(migrationClass)
                            || f.getClassName().startsWith(migrationClass + "$"))
                    .findFirst()
                    .map(StackWalker.StackFrame::getLineNumber)
                    .filter(line -> line > 0)
                    .orElse(1));
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Failures.rethrow(e.getCause());
            throw new SQLException(e); // a failed call always has a cause
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("JDBC method not accessible: " + method, e);
        }
    }
}
