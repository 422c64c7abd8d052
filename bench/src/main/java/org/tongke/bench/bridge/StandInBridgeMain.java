package org.tongke.bench.bridge;

import org.tongke.signaling.bridge.StandInBridge;

/** The stand-in bridge in its own process: prints {@code listening PORT}, stops when stdin closes. */
public final class StandInBridgeMain {
    private StandInBridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        try (StandInBridge bridge = new StandInBridge()) {
            System.out.println("listening " + bridge.uri().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the bench closes our stdin
            }
        }
    }
}
