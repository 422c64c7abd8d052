package org.tongke.platform.signaling;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signaling serve}: the WebSocket server for live lessons, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve agents and consoles over WebSocket (/ws), with /health and /metrics.",
            "Stops cleanly on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;
    @Option(names = "--port", paramLabel = "P", defaultValue = "8443", description = "Port; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "The token signing secret (the file 'token issue' uses).")
    Path secretFile;
    @Option(names = "--redis", paramLabel = "URI", description = "Redis for presence and routing across nodes (not supported yet).")
    String redis;
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "TLS certificate chain (PEM); with --tls-key.")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "FILE", description = "TLS private key (PEM, PKCS#8); with --tls-cert.")
    Path tlsKey;
    @Option(names = "--stun", paramLabel = "URL", description = "A STUN server for WebRTC (stun:HOST:PORT); repeatable.")
    List<String> stun = new ArrayList<>();
    @Option(names = "--turn", paramLabel = "URL", description = "A TURN server (turn:HOST:PORT?transport=udp); repeatable; needs --turn-secret-file.")
    List<String> turn = new ArrayList<>();
    @Option(names = "--turn-secret-file", paramLabel = "FILE", description = "coturn's static-auth-secret (use-auth-secret), for time-limited TURN credentials.")
    Path turnSecretFile;
    @Option(names = "--turn-ttl", paramLabel = "D", defaultValue = "12h", description = "How long a TURN credential stays valid: 12h, 90m, 1d, PT12H (default: ${DEFAULT-VALUE}).")
    String turnTtl;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (redis != null) {
            return fail(err, "--redis is not supported yet: this step keeps rooms in memory on one node.");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            return fail(err, "--tls-cert and --tls-key go together.");
        }
        TokenVerifier tokens;
        try {
            tokens = new TokenVerifier(Secrets.read(secretFile), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        IceConfig ice;
        try {
            ice = new IceConfig(stun, turn, turnSecretFile == null ? null : Secrets.read(turnSecretFile),
                    IceConfig.parseTtl(turnTtl));
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        ServerOptions options = ServerOptions.defaults().withPort(port).withTls(tlsCert, tlsKey).withIce(ice);
        CountDownLatch stopped = new CountDownLatch(1);
        SignalingServer server;
        try {
            server = SignalingServer.start(options, tokens, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Signaling server did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "signaling-shutdown"));
        String scheme = options.tls() ? "wss" : "ws";
        spec.commandLine().getOut().printf("Signaling server listening on %s://127.0.0.1:%d/ws (health /health, metrics /metrics)%n",
                scheme, server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
