package org.tongke.recorder.library;

/**
 * A request the library refuses, with the HTTP status, a stable code and a message for people;
 * the failure handler turns it into {@code {"type":"error","version":1,"error":CODE,"message":...}}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not-found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
