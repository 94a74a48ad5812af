package org.perfdoc.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.render.Format;

/**
 * 2,000 render requests from 16 clients mixing the three examples, against {@code perfdoc serve} in a
 * child JVM: every answer 200 and byte for byte what {@code perfdoc render} writes, no file left in the
 * server's temporary folder, and its resident memory after the run within 20 % of what it was after the
 * first 100 requests.
 */
class ServeLoadTest {
    static final List<String> EXAMPLES = List.of("guangzhou-intermediate-court", "guangzhou-justice-bureau-2023",
            "shanghai-first-intermediate-court-2020");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void twoThousandRendersFromSixteenClientsAreAllExactAndMemoryStaysFlat() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (String name : EXAMPLES) {
            Path file = Path.of("examples", name + ".json");
            inputs.add(Files.readAllBytes(file));
            expected.add(Examples.PERFDOC.render(Examples.read(file).document(), Format.PDF).bytes());
        }
        Path serverTmp = Files.createDirectories(tmp.resolve("server-tmp"));
        // a heap of fixed size, touched at start: resident memory then shows what the heap cannot hide
        try (ServerProcess server = new ServerProcess(List.of("-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch"), serverTmp,
                "--jobs", "2", "--queue", "32", "--timeout", "120s");
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            long[] rssAfter100 = new long[1];
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                running.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < 2000; ) {
                        int which = i % 3;
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(server.uri("/api/render?format=pdf"))
                                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(inputs.get(which))).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        assertEquals(200, r.statusCode(), new String(r.body()));
                        assertArrayEquals(expected.get(which), r.body(), EXAMPLES.get(which));
                        if (ok.incrementAndGet() == 100) {
                            rssAfter100[0] = server.rssKb();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
            long rssEnd = server.rssKb();
            System.out.printf("serve load: 2000 renders, RSS after 100: %d MB, after 2000: %d MB%n",
                    rssAfter100[0] >> 10, rssEnd >> 10);
            assertEquals(2000, ok.get());
            assertTrue(rssEnd <= rssAfter100[0] * 1.2, "RSS grew from " + rssAfter100[0] + " KB to " + rssEnd + " KB");
            try (Stream<Path> left = Files.list(serverTmp)) {
                assertEquals(List.of(), left.toList(), "the service leaves nothing in its temporary folder");
            }
        }
    }
}
