package org.tongke.recorder.archive;

/** An archive that cannot be made from what arrived; the message is the job's reason. */
public final class ArchiveFailed extends Exception {
    public ArchiveFailed(String message) {
        super(message);
    }

    public ArchiveFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
