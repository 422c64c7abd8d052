package org.tongke.recorder.archive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every listener told of a published archive; one that throws does not keep the others from hearing. */
public final class ArchiveListeners implements ArchiveListener {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveListeners.class);
    private final List<ArchiveListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ArchiveListener listener) {
        listeners.add(listener);
    }

    @Override
    public void published(ArchiveManifest manifest) {
        for (ArchiveListener listener : listeners) {
            try {
                listener.published(manifest);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on archive {}; the archive stays published", manifest.archive(), e);
            }
        }
    }
}
