package dev.rehearsal.runner.internal.catalog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real connection and counts the calls that talk to the server: every execute of a statement, every
 * commit or rollback, and switching auto-commit on (which commits). It over-counts, never under-counts.
 */
final class RoundTripCounter {

    private final AtomicInteger count = new AtomicInteger();

    int count() {
        return count.get();
    }

    Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")
                    || name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0])) {
                count.incrementAndGet();
            }
        }, this::wrapStatements);
    }

    private Object wrapStatements(Object result) {
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, (method, args) -> {
                if (method.getName().startsWith("execute")) {
                    count.incrementAndGet();
                }
            }, r -> r);
        }
        return result;
    }

    private interface Observer {
        void seen(Method method, Object[] args);
    }

    private interface ResultWrapper {
        Object wrap(Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Observer observer, ResultWrapper wrapper) {
        InvocationHandler handler = (proxy, method, args) -> {
            observer.seen(method, args);
            try {
                return wrapper.wrap(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
