package dev.rehearsal.runner.internal.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The files found at a location, readable until closed (files inside jars are read through zip file systems that
 * close with it).
 *
 * @param description where Rehearsal looked, for messages (an absolute directory, or the class-path roots)
 */
record ScannedLocation(String description, List<FoundFile> files, List<Closeable> resources) implements AutoCloseable {

    ScannedLocation {
        files = List.copyOf(files);
        resources = List.copyOf(resources);
    }

    @Override
    public void close() {
        for (Closeable resource : resources) {
            try {
                resource.close();
            } catch (IOException ignored) {
                // Only read-only zip file systems are held; nothing was written that could be lost.
            }
        }
    }
}
