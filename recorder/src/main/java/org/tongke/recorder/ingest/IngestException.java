package org.tongke.recorder.ingest;

/** A request ingest refuses: the HTTP status, a stable code and a sentence for people. */
public final class IngestException extends RuntimeException {
    /** tus's status for a checksum that does not match (the checksum extension). */
    public static final int CHECKSUM_MISMATCH = 460;

    private final int status;
    private final String code;

    public IngestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static IngestException badRequest(String message) {
        return new IngestException(400, "bad-request", message);
    }

    public static IngestException notFound(String message) {
        return new IngestException(404, "not-found", message);
    }

    public static IngestException forbidden(String message) {
        return new IngestException(403, "forbidden", message);
    }

    public static IngestException conflict(String code, String message) {
        return new IngestException(409, code, message);
    }

    public static IngestException checksumMismatch(String message) {
        return new IngestException(CHECKSUM_MISMATCH, "checksum-mismatch", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
