package org.tongke.recorder.archive;

/** Told of every archive once it is published (the catalog files it). */
@FunctionalInterface
public interface ArchiveListener {
    /**
     * Called on the archive worker's thread, after the archive is durable; may be called again
     * for the same archive when a job is redone. An exception is logged, the archive stays.
     */
    void published(ArchiveManifest manifest);
}
