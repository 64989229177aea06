package dev.rehearsal.runner.internal.source;

import java.io.IOException;
import java.util.List;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Lets a changelog written for Spring Boot name its files as {@code classpath:db/changelog/backfill.sql}. Spring's
 * resource accessor, which the application's Liquibase runs with, understands the prefix; Liquibase's own accessors do
 * not (liquibase/liquibase#3524), so the changelog that updates the application's database would fail Liquibase's
 * validation here. The prefix is taken off and the rest looked up like any other path: relative to the class-path root,
 * or to the resources root above the changelog on disk.
 */
final class SpringPrefixAccessor extends AbstractResourceAccessor {

    private static final List<String> PREFIXES = List.of("classpath*:", "classpath:");

    private final ResourceAccessor delegate;

    SpringPrefixAccessor(ResourceAccessor delegate) {
        this.delegate = delegate;
    }

    static String withoutPrefix(String path) {
        if (path == null) {
            return null;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }

    @Override
    public List<Resource> search(String path, SearchOptions options) throws IOException {
        return delegate.search(withoutPrefix(path), options);
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        return delegate.search(withoutPrefix(path), recursive);
    }

    @Override
    public List<Resource> getAll(String path) throws IOException {
        return delegate.getAll(withoutPrefix(path));
    }

    @Override
    public List<String> describeLocations() {
        return delegate.describeLocations();
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }
}
