package org.tongke.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tongke.config.county.County;
import org.tongke.config.generate.CountyYamlWriter;
import org.tongke.config.generate.SampleCounties;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * How long loading and validating a county takes, against the floor of merely parsing its YAML
 * (SnakeYAML's node tree, nothing mapped or checked), measured in the same run on the same
 * files; and how much heap a loaded county holds.
 */
public final class ConfigLoadBench {
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    private ConfigLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int communities = args.length > 1 ? Integer.parseInt(args[1]) : 70;
        Path dir = Files.createTempDirectory("bench-county");
        try {
            long start = System.nanoTime();
            County county = SampleCounties.synthetic(schools, communities, 7);
            CountyYamlWriter.write(county, dir, "bench");
            double generateMs = (System.nanoTime() - start) / 1e6;
            List<Path> files = yamlFiles(dir);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            double parseMs = median(() -> parseOnly(files));
            double validateMs = median(() -> requireValid(CountyValidator.validate(dir)));
            long heap = retainedHeap(dir);

            System.out.printf("config load, synthetic county: %d schools, %d communities, %d files, %.1f MiB of YAML%n",
                    schools, communities, files.size(), bytes / 1048576.0);
            System.out.printf("  generate + write         %8.1f ms (once)%n", generateMs);
            System.out.printf("  baseline: parse YAML     %8.1f ms (median of %d)%n", parseMs, RUNS);
            System.out.printf("  load + validate          %8.1f ms (median of %d)  = %.2fx the parse baseline%n",
                    validateMs, RUNS, validateMs / parseMs);
            System.out.printf("  heap held by the county  %8.1f MiB%n", heap / 1048576.0);
            System.out.printf("  machine: %d cores, %s %s, max heap %d MiB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1048576);
        } finally {
            deleteTree(dir);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double median(Work work) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - t) / 1e6);
        }
        times.sort(Comparator.naturalOrder());
        return times.get(RUNS / 2);
    }

    private static void parseOnly(List<Path> files) throws IOException {
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                new Yaml(new LoaderOptions()).compose(reader);
            }
        }
    }

    private static void requireValid(ValidatedCounty result) {
        if (!result.usable()) {
            throw new IllegalStateException("generated county does not validate: " + result.problems().errors());
        }
    }

    private static long retainedHeap(Path dir) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        County held = CountyValidator.validate(dir).orThrow();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        if (held.schools().isEmpty()) {
            throw new IllegalStateException("empty county");
        }
        return Math.max(0, after - before);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
