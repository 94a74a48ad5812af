package org.perfdoc.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.perfdoc.Perfdoc;
import org.perfdoc.bench.Benchmark;
import org.perfdoc.bench.ConvertBenchmark;
import org.perfdoc.bench.ServiceBenchmark;
import org.perfdoc.bench.SyntheticBatch;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;
import org.perfdoc.write.FileTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure perfdoc on a synthetic annual batch made from the examples' real wording",
                "(Guangzhou 5–40 projects, Shanghai 2–10 projects, 1–12 indicators each; same seed, same files):",
                "documents/s, pages/s, p50/p95 per document, peak heap and RSS, for PDF, DOCX and both, per job count;",
                "plus the first (cold) document and the warm median of the court example's PDF.",
                "Prints a Markdown table. Run it in a fresh JVM: the cold time is the first render of the process."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = {"-n", "--documents"}, defaultValue = "1000", description = "Documents in the batch (default 1000).")
    int documents;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the generator (default 2026).")
    long seed;

    @Option(names = {"-j", "--jobs"}, split = ",", defaultValue = "1,2", description = "Job counts to measure (default 1,2).")
    List<Integer> jobs;

    @Option(names = {"-f", "--formats"}, split = ";", defaultValue = "pdf;docx;pdf,docx",
            description = "Format sets, separated by ';' (default pdf;docx;pdf,docx); pdfa is the PDF as PDF/A-2u.")
    List<String> formatSets;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the generated data and outputs"
            + " (default: a temporary folder, deleted afterwards).")
    Path work;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Render the batch as PDF, unmeasured, before the measured runs, until a pass spends"
                    + " under 5 %% of its time in the JIT or 4,000 documents are done, so that every row of the"
                    + " table is a warm JVM (default; --no-warm-up skips it).")
    boolean warmUp;

    @Option(names = "--serve", description = "Measure perfdoc serve instead: documents/s and p50/p99 latency at"
            + " --clients concurrent clients rendering the batch's files over loopback HTTP, between two runs of the"
            + " batch itself with the largest of --jobs.")
    boolean serve;

    @Option(names = "--clients", split = ",", defaultValue = "1,2,16",
            description = "Concurrent clients for --serve (default 1,2,16).")
    List<Integer> clients;

    @Option(names = "--convert", description = "Measure converting one large document between JSON and .xlsx instead"
            + " (--projects projects per style), interleaved with reading the same document from JSON.")
    boolean convert;

    @Option(names = "--projects", defaultValue = "2000", description = "Projects of the --convert document (default 2000).")
    int projects;

    @Option(names = "--examples", description = "Measure the examples one by one instead, as the peers in"
            + " ../shared/peers do: --warm unmeasured documents, then the median of -n (read + validate + PDF in"
            + " memory), and each PDF's size.")
    boolean examples;

    @Option(names = "--warm", defaultValue = "20", description = "Unmeasured documents before --examples (default 20).")
    int warm;

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Perfdoc perfdoc = Perfdoc.create();
        if (examples) {
            Benchmark b = new Benchmark(perfdoc, out);
            out.printf("perfdoc bench --examples: warm %d n %d, Java %s, load average %s%n", warm, documents,
                    System.getProperty("java.version"), load());
            for (String name : List.of("guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json",
                    "shanghai-first-intermediate-court-2020.json")) {
                byte[] json;
                try (var in = Perfdoc.class.getResourceAsStream("/examples/" + name)) {
                    json = in.readAllBytes();
                }
                double[] r = b.exampleMedian(name, json, warm, documents);
                out.printf("%s: median %.1f ms/doc, PDF %.0f KB%n", name, r[0], r[1] / 1024);
            }
            out.printf("load average after: %s%n", load());
            return ExitCodes.OK;
        }
        if (convert) {
            out.printf("perfdoc bench --convert: Java %s, %d processors, max heap %d MB%n%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            new ConvertBenchmark(perfdoc, out).run(new SyntheticBatch(perfdoc), projects, 7, seed);
            return ExitCodes.OK;
        }
        Benchmark bench = new Benchmark(perfdoc, out);
        TargetDocument court = new SyntheticBatch(perfdoc).court();
        long cold = bench.coldMillis(court);
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("perfdoc-bench") : work;
        try {
            Path data = dir.resolve("data");
            FileTrees.delete(data);
            new SyntheticBatch(perfdoc).write(data, documents, seed);
            out.printf("perfdoc bench: %d documents (seed %d), Java %s, %d processors, max heap %d MB%n%n",
                    documents, seed, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            if (serve) {
                new ServiceBenchmark(perfdoc, out).run(data, dir.resolve("out"), Collections.max(jobs), clients);
                return ExitCodes.OK;
            }
            List<Benchmark.Result> results = new ArrayList<>();
            // Warm means the JIT has gone (nearly) quiet: passes of the batch until one spends under 5 % of
            // its wall time compiling, or 4,000 documents. On 2 cores with 2 jobs C2 is still compiling
            // after 4 passes of 1,000 (about 15 % of the fourth), which the JIT s column shows.
            List<Benchmark.Result> warmUpRuns = new ArrayList<>();
            while (warmUp && warmUpRuns.size() * documents < 4000 && (warmUpRuns.isEmpty()
                    || warmUpRuns.getLast().jitMillis() * 20 > warmUpRuns.getLast().wallMillis())) {
                Path outDir = dir.resolve("out");
                FileTrees.delete(outDir);
                warmUpRuns.add(bench.batch(data, outDir, List.of(Format.PDF), Collections.max(jobs), false));
            }
            for (String set : formatSets) {
                // "pdfa" is the PDF in archival mode: PDF/A-2u
                boolean pdfa = Arrays.asList(set.split(",")).contains("pdfa");
                List<Format> formats = Arrays.stream(set.split(",")).map(f -> f.equals("pdfa") ? "pdf" : f)
                        .map(Format::parse).toList();
                for (int j : jobs) {
                    Path outDir = dir.resolve("out");
                    FileTrees.delete(outDir);
                    results.add(bench.batch(data, outDir, formats, j, pdfa));
                }
            }
            bench.printTable(results);
            if (!warmUpRuns.isEmpty()) {
                out.printf("%nwarm-up before the table (same JVM, until the JIT went quiet): %d passes of the batch as PDF"
                        + " with %d jobs: %s%n", warmUpRuns.size(), warmUpRuns.getFirst().jobs(), warmUpRuns.stream()
                        .map(r -> String.format("%.1f s (JIT %.1f s)", r.wallMillis() / 1000.0, r.jitMillis() / 1000.0))
                        .collect(Collectors.joining(", ")));
            }
            out.printf("%nfirst document in this JVM (court example, PDF + DOCX, fonts and templates loaded): %d ms%n", cold);
            out.printf("warm court example PDF (17 projects, 5 pages), median of 30: %.1f ms%n",
                    bench.warmMedianMillis(court, 30));
        } finally {
            if (temporary) {
                FileTrees.delete(dir);
            }
        }
        return ExitCodes.OK;
    }
}
