package org.tongke.bench.signaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java process of the bench (a server under test or the load generator), started with the
 * bench's own {@code java} and class path; its stderr goes to a log file, its stdout is read
 * line by line. Weighs it from outside: heap used after a full GC ({@code jcmd}) and resident
 * set ({@code /proc}).
 */
final class ChildProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildProcess start(String name, List<String> jvmOptions, Class<?> main, List<String> args, Path logDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildProcess(name, p, log);
    }

    long pid() {
        return process.pid();
    }

    /** Reads stdout until the server says {@code listening PORT}; then drains the rest in the background. */
    int awaitPort() throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(this::drain, name + "-stdout");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException(name + " ended before listening; see " + log + ":\n" + tail());
    }

    /** The next stdout line, null at the end. */
    String readLine() throws IOException {
        return out.readLine();
    }

    void tell(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not end within 2 minutes");
        }
        return process.exitValue();
    }

    /** Heap in use right after a full GC, in bytes ({@code jcmd PID GC.run}, then {@code GC.heap_info}). */
    long heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of " + name + " said no 'used NK': " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** VmRSS from {@code /proc/PID/status}, in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("/proc/" + pid() + "/status has no VmRSS");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid()), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid() + " " + command + " failed: " + text);
        }
        return text;
    }

    private void drain() {
        try {
            while (out.readLine() != null) {
                // The servers print nothing more on stdout; their logs go to stderr.
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
