package org.tongke.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as a user would, in its own JVM, and keeps what it printed. */
public final class PlatformJar {
    public static final Path JAR = Path.of("target", "classroom-platform.jar");
    public static final Path SAMPLE = Path.of("..", "samples", "qingtian");

    public record Result(int exitCode, String out, String err) {
    }

    private PlatformJar() {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run 'mvn package' first");
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("platform-out", ".txt");
        Path err = Files.createTempFile("platform-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", args) + "' did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A long-running command (a server), its output read as it comes. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        private final StringBuffer err = new StringBuffer();
        private final Thread errors;

        Running(Process process) {
            this.process = process;
            Thread out = new Thread(() -> process.inputReader(StandardCharsets.UTF_8).lines().forEach(lines::add));
            errors = new Thread(() -> process.errorReader(StandardCharsets.UTF_8).lines()
                    .forEach(l -> err.append(l).append('\n')));
            out.setDaemon(true);
            errors.setDaemon(true);
            out.start();
            errors.start();
        }

        /** The first line of standard output matching {@code pattern}, waiting up to {@code seconds}. */
        public java.util.regex.Matcher awaitLine(String pattern, int seconds) throws InterruptedException {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    java.util.regex.Matcher m = p.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new IllegalStateException("no line matching " + pattern + "; stderr:\n" + err);
        }

        /** Asks it to stop as an operator would (SIGTERM) and returns its exit code. */
        public int stop(int seconds) throws InterruptedException {
            // Through the handle: Process.destroy() would also close our end of its output pipes.
            process.toHandle().destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not stop within " + seconds + " s; stderr:\n" + err);
            }
            errors.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        }

        /** Kills it as a power cut or the OOM killer would (SIGKILL) and waits until it is gone. */
        public void kill(int seconds) throws InterruptedException {
            process.toHandle().destroyForcibly();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("still alive " + seconds + " s after SIGKILL");
            }
        }

        public String err() {
            return err.toString();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    public static Running start(String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run 'mvn package' first");
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new Running(new ProcessBuilder(command).start());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
