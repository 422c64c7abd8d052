package org.tongke.recorder.resource;

/** An upload the library does not keep; {@link #code()} is stable, the message is for people. */
public final class ResourceRejected extends RuntimeException {
    private final int status;
    private final String code;

    private ResourceRejected(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ResourceRejected wrongType(String why) {
        return new ResourceRejected(415, "wrong-type", "file type not accepted: " + why + "; the library takes "
                + ResourceType.ACCEPTED + " files");
    }

    public static ResourceRejected tooLarge(long limit) {
        return new ResourceRejected(413, "too-large", "file too large: the library takes files of at most "
                + ResourceLimits.describe(limit));
    }

    public static ResourceRejected unreadable(String why) {
        return new ResourceRejected(422, "unreadable", why);
    }

    public static ResourceRejected invalid(String why) {
        return new ResourceRejected(400, "bad-request", why);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
