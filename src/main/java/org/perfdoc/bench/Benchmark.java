package org.perfdoc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.perfdoc.Perfdoc;
import org.perfdoc.batch.BatchOptions;
import org.perfdoc.batch.BatchReport;
import org.perfdoc.batch.BatchRunner;
import org.perfdoc.batch.Manifest;
import org.perfdoc.batch.Outcome;
import org.perfdoc.batch.Progress;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;

/**
 * Measures perfdoc the way a city's IT team runs it: a synthetic annual batch rendered by the real
 * batch runner, per format set and job count, plus the first (cold) document and a warm single PDF.
 */
public final class Benchmark {
    /** One measured batch run. */
    public record Result(String formats, int jobs, int documents, long wallMillis, long cpuMillis, long jitMillis, long pages, long p50,
                         long p95, long outputBytes, long peakHeapMb, long peakRssMb) {
        double documentsPerSecond() {
            return documents * 1000.0 / wallMillis;
        }

        double pagesPerSecond() {
            return pages * 1000.0 / wallMillis;
        }
    }

    private final Perfdoc perfdoc;
    private final PrintStream out;

    /** Measures {@code perfdoc}, printing to {@code out}. */
    public Benchmark(Perfdoc perfdoc, PrintStream out) {
        this.perfdoc = perfdoc;
        this.out = out;
    }

    /** Time of the first document in this JVM (fonts parsed, templates compiled): call it first. */
    public long coldMillis(TargetDocument doc) {
        long t0 = System.nanoTime();
        perfdoc.render(doc, Format.PDF);
        perfdoc.render(doc, Format.DOCX);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Median of {@code runs} warm PDF renders of {@code doc}, in ms. */
    public double warmMedianMillis(TargetDocument doc, int runs) {
        for (int i = 0; i < 10; i++) {
            perfdoc.render(doc, Format.PDF);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            perfdoc.render(doc, Format.PDF);
            times.add(System.nanoTime() - t0);
        }
        times.sort(Comparator.naturalOrder());
        return times.get(times.size() / 2) / 1e6;
    }

    /**
     * The peers' protocol for one example file: {@code warm} unmeasured documents, then the median of
     * {@code n}, each read from its bytes, validated and rendered to PDF bytes in memory (fonts and
     * templates already loaded, as in a batch). Returns {median ms, PDF bytes}.
     */
    public double[] exampleMedian(String name, byte[] json, int warm, int n) {
        byte[] pdf = null;
        double[] ms = new double[n];
        for (int i = 0; i < warm + n; i++) {
            long t0 = System.nanoTime();
            var read = perfdoc.read(name, json);
            if (perfdoc.validate(read).stream().anyMatch(org.perfdoc.problems.Problem::isError)) {
                throw new IllegalStateException(name + " is invalid");
            }
            pdf = perfdoc.render(read.document(), Format.PDF).bytes();
            if (i >= warm) {
                ms[i - warm] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], pdf.length};
    }

    /** One forced batch run of {@code data} into {@code outDir}, measured; PDFs archival when {@code pdfa}. */
    public Result batch(Path data, Path outDir, List<Format> formats, int jobs, boolean pdfa) throws IOException {
        resetPeaks();
        long cpu0 = processCpuNanos();
        long jit0 = jitMillis();
        BatchReport report = new BatchRunner(perfdoc, new BatchOptions(data, outDir, formats, jobs, true,
                new RenderOptions(pdfa), null)).run(Progress.NONE);
        long cpu = processCpuNanos() - cpu0;
        long jit = jit0 < 0 ? -1 : jitMillis() - jit0;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        List<Long> times = report.outcomes().stream().map(Outcome::millis).sorted().toList();
        long pages = 0;
        long bytes = 0;
        for (Outcome o : report.outcomes()) {
            for (Manifest.Output x : o.entry().outputs()) {
                bytes += x.bytes();
                pages += x.pages() == null ? 0 : x.pages();
            }
        }
        if (report.exitCode() != 0) {
            throw new IllegalStateException("benchmark batch did not render cleanly: exit " + report.exitCode());
        }
        return new Result(String.join("+", formats.stream().map(f -> pdfa && f == Format.PDF ? "pdfa" : f.extension())
                .toList()), jobs,
                report.outcomes().size(), report.millis(), cpu < 0 ? -1 : cpu / 1_000_000, jit, pages,
                percentile(times, 50), percentile(times, 95),
                bytes, peakHeap >> 20, peakRssKb() >> 10);
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The results as a Markdown table. */
    public void printTable(List<Result> results) {
        out.println("| formats | jobs | documents | wall s | CPU s | JIT s | docs/s | pages/s | p50 ms | p95 ms | output MB | peak heap MB | peak RSS MB |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            out.printf("| %s | %d | %d | %.1f | %s | %s | %.1f | %s | %d | %d | %.1f | %d | %s |%n", r.formats(), r.jobs(),
                    r.documents(), r.wallMillis() / 1000.0, seconds(r.cpuMillis()), seconds(r.jitMillis()),
                    r.documentsPerSecond(),
                    r.pages() == 0 ? "–" : String.format("%.1f", r.pagesPerSecond()), r.p50(), r.p95(),
                    r.outputBytes() / 1e6, r.peakHeapMb(), r.peakRssMb() < 0 ? "–" : String.valueOf(r.peakRssMb()));
        }
    }

    private static String seconds(long millis) {
        return millis < 0 ? "–" : String.format("%.1f", millis / 1000.0);
    }

    /** Time the JIT compilers have spent so far in this JVM, or -1 where the JVM does not say. */
    static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** CPU time of the whole process (every thread: workers, JIT, GC), or -1 where the JVM does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Peak resident set size of this process (Linux VmHWM), or -1 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM (Linux)
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the RSS peak then covers the whole process
        }
    }
}
