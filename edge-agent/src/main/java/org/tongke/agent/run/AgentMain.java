package org.tongke.agent.run;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code java -cp ... org.tongke.agent.run.AgentMain --config agent.yaml}: the agent without the
 * platform's command line, as a box's service or a test's separate process runs it.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: AgentMain --config agent.yaml");
            System.exit(EdgeAgent.EXIT_BAD_CONFIG);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = EdgeAgent.runUntilStopped(Path.of(args[1]), out, err);
        if (code != EdgeAgent.EXIT_OK) {
            // A clean stop returns from within the JVM's shutdown, where exit would wait for itself.
            System.exit(code);
        }
    }
}
