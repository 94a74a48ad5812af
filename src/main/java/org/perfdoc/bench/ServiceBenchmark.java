package org.perfdoc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.perfdoc.Perfdoc;
import org.perfdoc.batch.BatchOptions;
import org.perfdoc.batch.BatchReport;
import org.perfdoc.batch.BatchRunner;
import org.perfdoc.batch.Progress;
import org.perfdoc.render.Format;
import org.perfdoc.serve.PerfdocServer;
import org.perfdoc.serve.ServeConfig;

/**
 * The service against the batch, in one run and one JVM: documents per second and latency of
 * {@code perfdoc serve} at 1, 2 and 16 concurrent clients rendering the synthetic batch's files, between
 * two runs of {@code perfdoc batch} over the same files with as many jobs, after a batch run that warms
 * the JIT up for both.
 */
public final class ServiceBenchmark {
    private final Perfdoc perfdoc;
    private final PrintStream out;

    /** Measures {@code perfdoc}, printing to {@code out}. */
    public ServiceBenchmark(Perfdoc perfdoc, PrintStream out) {
        this.perfdoc = perfdoc;
        this.out = out;
    }

    /** One measured round: documents/s and latency percentiles in ms. */
    record Round(String what, int documents, long wallMillis, long p50, long p99) {
        double perSecond() {
            return documents * 1000.0 / wallMillis;
        }
    }

    /** Runs batch, the service at each of {@code clients}, batch again; prints the table and the ratio. */
    public void run(Path data, Path outDir, int jobs, List<Integer> clients) throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                inputs.add(Files.readAllBytes(f));
            }
        }
        batch(data, outDir, jobs); // warm-up: the JIT compiles the same code for both
        List<Round> rounds = new ArrayList<>();
        rounds.add(batch(data, outDir, jobs));
        PerfdocServer server = PerfdocServer.of(perfdoc, ServeConfig.loopback(jobs, 64, Duration.ofSeconds(300),
                64L << 20, null)).start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI render = URI.create("http://127.0.0.1:" + server.port() + "/api/render?format=pdf");
            for (int c : clients) {
                rounds.add(serve(client, render, inputs, c));
            }
        } finally {
            server.shutdown();
        }
        rounds.add(batch(data, outDir, jobs));
        out.println("| run | documents | wall s | docs/s | p50 ms | p99 ms |");
        out.println("|---|---|---|---|---|---|");
        for (Round r : rounds) {
            out.printf("| %s | %d | %.1f | %.1f | %d | %d |%n", r.what(), r.documents(), r.wallMillis() / 1000.0,
                    r.perSecond(), r.p50(), r.p99());
        }
        double batchRate = (rounds.get(0).perSecond() + rounds.get(rounds.size() - 1).perSecond()) / 2;
        Round busiest = rounds.get(rounds.size() - 2);
        out.printf("%nservice at %s: %.0f %% of the batch's documents/s (the mean of its two runs)%n",
                busiest.what().replace("serve, ", ""), 100 * busiest.perSecond() / batchRate);
    }

    private Round batch(Path data, Path outDir, int jobs) throws IOException {
        BatchReport report = new BatchRunner(perfdoc, new BatchOptions(data, outDir, List.of(Format.PDF), jobs, true))
                .run(Progress.NONE);
        List<Long> times = report.outcomes().stream().map(o -> o.millis()).sorted().toList();
        return new Round("batch, " + jobs + " jobs", report.outcomes().size(), report.millis(),
                Benchmark.percentile(times, 50), Benchmark.percentile(times, 99));
    }

    private Round serve(HttpClient client, URI render, List<byte[]> inputs, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < inputs.size(); ) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(render).timeout(Duration.ofSeconds(300))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(inputs.get(i))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IOException("render answered " + r.statusCode());
                    }
                    latencies.add((System.nanoTime() - s) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        return new Round("serve, " + clients + (clients == 1 ? " client" : " clients"), inputs.size(), wall,
                Benchmark.percentile(sorted, 50), Benchmark.percentile(sorted, 99));
    }
}
