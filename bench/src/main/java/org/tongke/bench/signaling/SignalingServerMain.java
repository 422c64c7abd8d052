package org.tongke.bench.signaling;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;

/**
 * The server under test as {@code signaling serve --port 0 --secret-file F} starts it (default
 * options: rate limits, heartbeat, room limit, resume grace), without the platform jar's other
 * commands on the class path. Prints {@code listening PORT}, serves until killed.
 */
public final class SignalingServerMain {
    private SignalingServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SignalingServerMain SECRET_FILE");
        }
        TokenVerifier tokens = new TokenVerifier(Secrets.read(Path.of(args[0])), Clock.systemUTC());
        SignalingServer server = SignalingServer.start(ServerOptions.defaults().withPort(0), tokens, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "signaling-shutdown"));
        System.out.println("listening " + server.port());
        System.out.flush();
        stopped.await();
    }
}
