package org.tongke.recorder.server;

/**
 * A part added to the recorder at start (the library: catalog, search, pages): it mounts its
 * routes and listens for published archives. Installed before jobs run and before the port opens.
 */
@FunctionalInterface
public interface RecorderExtension {
    void install(RecorderContext context);
}
