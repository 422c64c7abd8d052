package org.tongke.signaling.bridge;

/**
 * A bridge did not do what was asked. {@link #kind()} is stable (it goes to consoles as a code);
 * the message names the bridge and what happened, for people.
 */
public final class BridgeFailure extends RuntimeException {
    /** How a bridge failed. */
    public enum Kind {
        /** The bridge answered 4xx: the request was refused. */
        REFUSED("bridge-refused", "媒体服务器拒绝了请求"),
        /** The bridge answered 5xx. */
        FAILED("bridge-failed", "媒体服务器出错"),
        /** No answer in time. */
        TIMEOUT("bridge-timeout", "媒体服务器没有及时响应"),
        /** No connection could be made. */
        UNREACHABLE("bridge-unreachable", "无法连接媒体服务器"),
        /** The answer lacked the endpoint's transport (ICE, DTLS). */
        NO_TRANSPORT("bridge-no-transport", "媒体服务器的应答缺少传输参数"),
        /** The answer was not Colibri2 JSON. */
        BAD_REPLY("bridge-bad-reply", "媒体服务器的应答无法解析"),
        /** No bridge is configured or healthy. */
        NONE_AVAILABLE("bridge-none-available", "没有可用的媒体服务器");

        private final String code;
        private final String chinese;

        Kind(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        /** The word consoles receive. */
        public String code() {
            return code;
        }

        /** What a Chinese console shows. */
        public String chinese() {
            return chinese;
        }
    }

    private final Kind kind;
    private final String bridge;

    public BridgeFailure(Kind kind, String bridge, String message) {
        super(message);
        this.kind = kind;
        this.bridge = bridge;
    }

    public BridgeFailure(Kind kind, String bridge, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.bridge = bridge;
    }

    public Kind kind() {
        return kind;
    }

    /** The bridge's id, or null when none was involved. */
    public String bridge() {
        return bridge;
    }
}
