package org.tongke.bench.signaling;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The load generator, a process of its own started by {@link SignalingBench}: it runs one
 * scenario against one server and reports on stdout as {@link Events}.
 *
 * <pre>
 * LoadGenerator --mode agents|rooms|flood --target signaling|echo --port P [--secret-file F]
 *   agents: --agents N --ping-seconds 10 --hold-seconds S [--fill K]   (waits for a line on stdin before closing)
 *   rooms:  --rooms M --per-connection R --warmup-seconds W --seconds S
 *   flood:  --rooms M --in-flight K --cap C --warmup-seconds W --seconds S
 *   rooms and flood: --text-chars T (signaling) --frame-bytes B (echo) --server-pid PID (its CPU time is read),
 *     and close once a line comes on stdin after the result
 * </pre>
 */
public final class LoadGenerator {
    /** Two loops: the generator shares the machine's cores with the server under test. */
    static final int THREADS = 2;

    private LoadGenerator() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Target target = Target.of(args.text("target", null));
        String mode = args.text("mode", null);
        BenchTokens tokens = target == Target.SIGNALING
                ? new BenchTokens(Path.of(args.text("secret-file", null))) : null;
        Events events = new Events(System.out);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (WsClients clients = new WsClients(args.integer("port", 0), THREADS)) {
            switch (mode) {
                case "agents" -> new AgentLoad(clients, tokens, target, events).run(args.integer("agents", 10_000),
                        args.integer("ping-seconds", 10), args.integer("hold-seconds", 35), args.integer("fill", 0),
                        stdin);
                case "rooms", "flood" -> {
                    RoomLoad load = new RoomLoad(clients, tokens, target, events, args.integer("text-chars", 64),
                            args.integer("frame-bytes", 360), Long.parseLong(args.text("server-pid", null)));
                    load.setup(args.integer("rooms", 200));
                    if (mode.equals("rooms")) {
                        load.paced(args.decimal("per-connection", 4), args.integer("warmup-seconds", 5),
                                args.integer("seconds", 20));
                    } else {
                        load.flood(args.integer("in-flight", 2), args.decimal("cap", 0),
                                args.integer("warmup-seconds", 5), args.integer("seconds", 15));
                    }
                    load.close(stdin);
                }
                default -> throw new IllegalArgumentException("--mode " + mode + " is not agents, rooms or flood");
            }
        }
        System.exit(0);
    }
}
