package org.tongke.recorder.library;

/** A media URL that is not served, with the reason; the message is safe to show. */
public final class MediaUrlRejected extends RuntimeException {
    /** Why a media URL is refused. */
    public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED, BAD_PATH }

    private final Reason reason;

    public MediaUrlRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
