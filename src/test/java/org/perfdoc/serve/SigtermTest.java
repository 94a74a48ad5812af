package org.perfdoc.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.render.Format;

/** {@code perfdoc serve} in a child JVM, SIGTERM through Process.destroy() during a burst, and its exit code. */
class SigtermTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigtermDuringABurstFinishesInFlightRefusesNewConnectionsAndExitsZero() throws Exception {
        Path input = Path.of("examples/shanghai-first-intermediate-court-2020.json");
        byte[] body = Files.readAllBytes(input);
        byte[] expected = Examples.PERFDOC.render(Examples.read(input).document(), Format.PDF).bytes();
        try (ServerProcess server = new ServerProcess(List.of("-Xmx512m"), tmp, "--jobs", "1", "--queue", "8",
                "--timeout", "90s");
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<CompletableFuture<HttpResponse<byte[]>>> burst = new ArrayList<>();
            for (int i = 0; i < 6; i++) { // one job: the six 10-page renders run one after another
                burst.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/api/render"))
                        .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!client.send(HttpRequest.newBuilder(server.uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString())
                    .body().contains("\"admitted\":6")) {
                assertTrue(System.nanoTime() < until, "the burst never got in");
                Thread.sleep(10);
            }

            server.process.destroy(); // SIGTERM on Linux
            long t0 = System.nanoTime();
            boolean refused = false;
            while (!refused && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2)) {
                try (Socket s = new Socket("127.0.0.1", server.port)) {
                    Thread.sleep(10);
                } catch (ConnectException e) {
                    refused = true;
                }
            }
            long refusedAfterMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(refused, "still accepting 2 s after SIGTERM");
            long inFlight = burst.stream().filter(f -> !f.isDone()).count();
            assertTrue(inFlight > 0, "refusal must be seen while work is in flight");
            for (CompletableFuture<HttpResponse<byte[]>> f : burst) {
                HttpResponse<byte[]> r = f.get(90, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode());
                assertArrayEquals(expected, r.body());
            }
            assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "did not exit");
            System.out.printf("SIGTERM: new connections refused after %d ms with %d requests in flight; exit %d%n",
                    refusedAfterMs, inFlight, server.process.exitValue());
            assertEquals(0, server.process.exitValue(), server.log());
        }
    }
}
