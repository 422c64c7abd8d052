package org.tongke.bench.signaling;

/** The server under load: the signaling server, or the echo baseline (which answers with what it got). */
enum Target {
    SIGNALING, ECHO;

    static Target of(String word) {
        return switch (word) {
            case "signaling" -> SIGNALING;
            case "echo" -> ECHO;
            default -> throw new IllegalArgumentException("--target " + word + " is not signaling or echo");
        };
    }

    String hello(String token) {
        return "{\"v\":1,\"type\":\"hello\",\"token\":\"" + token + "\"}";
    }

    /** The reply that ends a hello: the welcome, or the echoed hello. */
    String welcomeType() {
        return this == SIGNALING ? "welcome" : "hello";
    }

    String ping(long t) {
        return "{\"v\":1,\"type\":\"ping\",\"t\":" + t + "}";
    }

    String pongType() {
        return this == SIGNALING ? "pong" : "ping";
    }
}
