package org.perfdoc.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeTest {
    static final String DOC = "{\"projects\":[{\"name\":\"基层法院信息化建设\"}]}";

    static ServerFixture server(int jobs, int queue, Duration timeout, long maxBody, FakeRenderer r)
            throws Exception {
        return ServerFixture.fake(ServeConfig.loopback(jobs, queue, timeout, maxBody, null), r);
    }

    static double counter(String metrics, String route, String status) {
        String key = "perfdoc_http_requests_total{route=\"" + route + "\",status=\"" + status + "\"} ";
        return metrics.lines().filter(l -> l.startsWith(key))
                .mapToDouble(l -> Double.parseDouble(l.substring(key.length()))).sum();
    }

    /** One render on its own connection (Connection: close), so that no pooled connection stays open. */
    static int renderOverRawSocket(int port) throws IOException {
        try (Raw raw = new Raw(port)) {
            byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
            raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            raw.send(body);
            String head = raw.readHead();
            raw.readBody(head);
            return Raw.status(head);
        }
    }

    static long renderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("render-")).count();
    }

    @Test
    void twoThousandRequestsFromSixteenClientsAllSucceed() throws Exception {
        try (ServerFixture s = server(2, 32, Duration.ofSeconds(10), 1 << 20, new FakeRenderer(5, 5, 4096));
             ExecutorService clients = Executors.newFixedThreadPool(16)) {
            AtomicInteger ok = new AtomicInteger();
            ConcurrentHashMap<Integer, AtomicInteger> other = new ConcurrentHashMap<>();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                fs.add(clients.submit(() -> {
                    for (int i = 0; i < 125; i++) {
                        HttpResponse<byte[]> r = s.send(s.post("/api/render?format=pdf", DOC).build());
                        if (r.statusCode() == 200 && r.body().length == 4096) {
                            ok.incrementAndGet();
                        } else {
                            other.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            assertEquals(2000, ok.get(), "non-200: " + other);
            s.awaitIdle(Duration.ofSeconds(2));
            String metrics = s.get("/metrics").body();
            assertTrue(metrics.contains("perfdoc_http_requests_total{route=\"render\",status=\"200\"} 2000.0"), metrics);
            assertTrue(metrics.contains("perfdoc_render_seconds_count{operation=\"render\",outcome=\"ok\"} 2000"));
        }
    }

    @Test
    void clientsBeyondJobsPlusQueueGet429QuicklyWhileAdmittedOnesFinish() throws Exception {
        try (ServerFixture s = server(1, 2, Duration.ofSeconds(20), 1 << 20, new FakeRenderer(400, 400, 1024));
             ExecutorService clients = Executors.newFixedThreadPool(10)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> fs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                fs.add(clients.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = s.send(s.post("/api/render", DOC).build());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long retryAfter = r.headers().firstValueAsLong("Retry-After").orElse(-1);
                    return new long[] {r.statusCode(), ms, retryAfter};
                }));
            }
            go.countDown();
            int ok = 0;
            int rejected = 0;
            for (Future<long[]> f : fs) {
                long[] r = f.get();
                if (r[0] == 200) {
                    ok++;
                } else {
                    assertEquals(429, r[0]);
                    assertTrue(r[1] < 300, "429 took " + r[1] + " ms: it must not wait for a render");
                    assertTrue(r[2] >= 1, "Retry-After");
                    rejected++;
                }
            }
            assertEquals(3, ok, "1 job + 2 queued are admitted");
            assertEquals(7, rejected);
            s.awaitIdle(Duration.ofSeconds(2));
        }
    }

    @Test
    void anEarlyAnswerReadsASmallBodyFirstAndKeepsTheConnection() throws Exception {
        try (ServerFixture s = server(1, 0, Duration.ofSeconds(20), 20 << 20, new FakeRenderer(10, 10, 16))) {
            byte[] small = new byte[200_000];
            Arrays.fill(small, (byte) ' ');
            try (Raw raw = new Raw(s.server.port())) {
                // the whole upload is sent before the answer is read, as a client writing its file does
                raw.send("POST /api/render?pdfa=yes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + small.length + "\r\n\r\n");
                raw.send(small);
                String head = raw.readHead();
                assertEquals(400, Raw.status(head), head);
                assertTrue(new String(raw.readBody(head), StandardCharsets.UTF_8).contains("pdfa must be true or false"));
                assertFalse(head.toLowerCase().contains("connection: close"), head);
                // the body was read to its end: the next request on the connection is answered
                raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(200, Raw.status(raw.readHead()));
            }
            try (Raw raw = new Raw(s.server.port())) {
                // above the drain limit the body stays unread and the connection is closed
                raw.send("POST /api/render?pdfa=yes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (UnreadBody.DRAIN_LIMIT + 1) + "\r\n\r\n");
                String head = raw.readHead();
                assertEquals(400, Raw.status(head), head);
                assertTrue(head.toLowerCase().contains("connection: close"), head);
            }
        }
    }

    @Test
    void refusalComesBeforeTheBodyIsSent() throws Exception {
        try (ServerFixture s = server(1, 0, Duration.ofSeconds(20), 20 << 20, new FakeRenderer(1500, 1500, 16))) {
            Future<HttpResponse<byte[]>> busy = s.client.sendAsync(s.post("/api/render", DOC).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            while (s.server.admission().admitted() == 0) {
                Thread.sleep(5);
            }
            try (Raw raw = new Raw(s.server.port())) {
                long t0 = System.nanoTime();
                // announces 10 MB, sends none of it: the answer must not wait for the body
                raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 10485760\r\nExpect: 100-continue\r\n\r\n");
                String head = raw.readHead();
                assertEquals(429, Raw.status(head), head);
                assertTrue(head.contains("Retry-After: "), head);
                assertTrue(head.toLowerCase().contains("connection: close"), head);
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 500);
            }
            assertEquals(200, busy.get().statusCode());
        }
    }

    @Test
    void disconnectMidUploadLeaksNothingAndTheNextRequestIsServed() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(20), 20 << 20, new FakeRenderer(5, 5, 64))) {
            int[] threads = new int[12];
            for (int round = 0; round < threads.length; round++) {
                // the server's books close a moment after the client has the last byte of the previous
                // 200 (the ticket goes back in the write callback): on a loaded machine the next upload
                // could otherwise find that ticket still out and get a 429
                s.awaitIdle(Duration.ofSeconds(2));
                // fill every place (2 jobs + 4 queue) with an upload that stops half-way …
                List<Raw> uploads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Raw raw = new Raw(s.server.port());
                    raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
                    raw.send(new byte[5000]);
                    uploads.add(raw);
                }
                long until = System.nanoTime() + 3_000_000_000L;
                while (s.server.admission().admitted() < 6) {
                    if (System.nanoTime() > until) {
                        StringBuilder heads = new StringBuilder();
                        for (Raw u : uploads) {
                            u.socket.setSoTimeout(200);
                            try {
                                String h = u.readHead();
                                heads.append(h == null ? "EOF" : h.lines().findFirst().orElse("?")).append(" | ");
                            } catch (IOException e) {
                                heads.append(e).append(" | ");
                            }
                        }
                        String m = s.get("/metrics").body();
                        throw new AssertionError("round " + round + ": uploads not admitted: "
                                + s.server.admission().admitted() + "; connections " + s.server.connectionLimitState()
                                + "; heads " + heads + "; " + m.lines().filter(l -> l.startsWith("perfdoc_http_requests_total")).toList());
                    }
                    Thread.sleep(5);
                }
                assertEquals(429, s.send(s.post("/api/render", DOC).build()).statusCode(), "full");
                // … then hang up: half with RST (SO_LINGER 0), half with FIN
                for (int i = 0; i < uploads.size(); i++) {
                    if (i % 2 == 0) {
                        uploads.get(i).socket.setSoLinger(true, 0);
                    }
                    uploads.get(i).close();
                }
                s.awaitIdle(Duration.ofSeconds(3)); // every ticket came back
                assertEquals(200, s.send(s.post("/api/render", DOC).build()).statusCode());
                threads[round] = s.server.threadPool().getThreads();
                until = System.nanoTime() + 2_000_000_000L;
                // by their stacks, not getUtilizedThreads(): Jetty hands selecting from thread to thread,
                // and a pool thread that took it over counts as utilized while it only waits in select
                String busy = busyHttpThreads();
                while (!busy.isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(10);
                    busy = busyHttpThreads();
                }
                assertEquals("", busy, "a Jetty thread is stuck");
            }
            // no Jetty thread stays busy (checked each round) and the pool stays within its bound; its
            // size itself wanders (idle threads expire, bursts add some): [14, 17, 17, 17, 20] was seen
            assertTrue(java.util.Arrays.stream(threads).max().orElseThrow() <= 32, java.util.Arrays.toString(threads));
            assertTrue(renderThreads() <= 2, "render threads: " + renderThreads());
            String metrics = s.get("/metrics").body();
            // RST → "aborted" (EofException); FIN → Jetty's early-EOF 400, written into a half-closed socket
            double aborted = counter(metrics, "render", "aborted");
            assertTrue(aborted >= 3 * threads.length, metrics);
            assertEquals(6 * threads.length, aborted + counter(metrics, "render", "400"), metrics);
        }
    }

    @Test
    void disconnectMidDownloadLeaksNothingAndTheNextRequestIsServed() throws Exception {
        // 32 MB answers: more than the loopback socket buffers hold, so the server is mid-write
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(20), 1 << 20, new FakeRenderer(5, 5, 32 << 20))) {
            for (int i = 0; i < 5; i++) {
                try (Raw raw = new Raw(s.server.port())) {
                    raw.socket.setReceiveBufferSize(64 * 1024);
                    byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
                    raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n");
                    raw.send(body);
                    String head = raw.readHead();
                    assertEquals(200, Raw.status(head));
                    raw.in.readNBytes(100_000); // a little of it, then hang up
                }
            }
            s.awaitIdle(Duration.ofSeconds(5));
            assertTrue(renderThreads() <= 2, "render threads: " + renderThreads());
            HttpResponse<byte[]> next = s.send(s.post("/api/render", DOC).build());
            assertEquals(200, next.statusCode());
            assertEquals(32 << 20, next.body().length);
            String metrics = s.get("/metrics").body();
            assertTrue(metrics.contains("perfdoc_http_requests_total{route=\"render\",status=\"aborted\"} 5.0"), metrics);
        }
    }

    @Test
    void aBodyTricklingOneBytePerSecondIsCutAtTheDeadline() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(2), 1 << 20, new FakeRenderer(5, 5, 64));
             Raw raw = new Raw(s.server.port())) {
            long t0 = System.nanoTime();
            raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n");
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        raw.send(new byte[] {' '});
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed: expected
                }
            });
            String head = raw.readHead();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(head, "closed without an answer");
            assertEquals(408, Raw.status(head), head);
            assertTrue(ms >= 1900 && ms < 3500, "answered after " + ms + " ms");
            raw.readBody(head);
            assertTrue(raw.closedByServer(), "connection left open");
            trickle.interrupt();
            s.awaitIdle(Duration.ofSeconds(2));
            assertEquals(200, s.send(s.post("/api/render", DOC).build()).statusCode());
        }
    }

    @Test
    void headersTricklingOneBytePerSecondAreCutAtTheDeadline() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(2), 1 << 20, new FakeRenderer(5, 5, 64));
             Raw raw = new Raw(s.server.port())) {
            long t0 = System.nanoTime();
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (byte b : "POST /api/render HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaa".getBytes()) {
                        raw.send(new byte[] {b});
                        Thread.sleep(250); // 4 bytes/s: Jetty's 2 s idle timeout never fires
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the server
                }
            });
            assertTrue(raw.closedByServer(), "still open");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 1900 && ms < 3500, "closed after " + ms + " ms");
            trickle.interrupt();
        }
    }

    @Test
    void aStalledDownloadIsCutAtTheDeadline() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(2), 1 << 20, new FakeRenderer(5, 5, 32 << 20));
             Raw raw = new Raw(s.server.port())) {
            raw.socket.setReceiveBufferSize(64 * 1024);
            byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.send(body);
            String head = raw.readHead();
            assertEquals(200, Raw.status(head));
            Thread.sleep(3000); // read nothing: the server's writes stall
            long got = 0;
            try {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = raw.in.read(buf)) > 0; ) {
                    got += n;
                }
            } catch (IOException e) {
                // reset: fine
            }
            assertTrue(got < 32 << 20, "the whole body arrived: the deadline did not cut it");
            s.awaitIdle(Duration.ofSeconds(2));
            System.out.printf("stalled download: cut after %d of %d bytes, %d ms%n", got, 32 << 20,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void aRenderSlowerThanTheDeadlineIs503AndIsInterrupted() throws Exception {
        try (ServerFixture s = server(1, 4, Duration.ofSeconds(2), 1 << 20, new FakeRenderer(10_000, 10_000, 64))) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = s.send(s.post("/api/render", DOC).build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, r.statusCode());
            assertTrue(ms < 3000, ms + " ms");
            assertEquals("close", r.headers().firstValue("Connection").orElse(""));
            s.awaitIdle(Duration.ofSeconds(1)); // the 10 s render was interrupted, its slot is free
            String metrics = s.get("/metrics").body();
            assertTrue(metrics.contains("perfdoc_render_seconds_count{operation=\"render\",outcome=\"abandoned\"} 1"), metrics);
        }
    }

    @Test
    void garbageClaimingToBeJsonIs422WithProblems() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(5), 1 << 20, new FakeRenderer(5, 5, 64))) {
            for (String body : List.of("{\"projects\": [1, 2,,, \u0000 garbage", "\u00ff\u00fe\u0000{", "{\"x\":\"INVALID\"}")) {
                HttpResponse<byte[]> r = s.send(s.post("/api/render?format=docx", body).build());
                assertEquals(422, r.statusCode(), body);
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
                assertTrue(Replies.JSON.readTree(r.body()).get("errors").size() >= 1);
                HttpResponse<byte[]> v = s.send(s.post("/api/validate", body).build());
                assertEquals(200, v.statusCode(), "validation answers with its findings: " + body);
                assertTrue(Replies.JSON.readTree(v.body()).get("errors").size() >= 1);
            }
            assertEquals(400, s.send(s.post("/api/render?format=exe", DOC).build()).statusCode());
            HttpResponse<byte[]> crash = s.send(s.post("/api/render", "{\"CRASH\":1}").build());
            assertEquals(500, crash.statusCode());
            String text = new String(crash.body(), StandardCharsets.UTF_8);
            assertFalse(text.contains("Exception") || text.contains("Secret") || text.contains("at "), text);
        }
    }

    @Test
    void thirtyMegabytesWithContentLengthIs413FastWithoutReadingThem() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(10), 20 << 20, new FakeRenderer(5, 5, 64));
             Raw raw = new Raw(s.server.port())) {
            long before = s.server.bytesReceived();
            long t0 = System.nanoTime();
            raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (30 << 20) + "\r\n\r\n");
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] block = new byte[64 * 1024];
                try {
                    OutputStream out = raw.socket.getOutputStream();
                    for (int i = 0; i < 480; i++) {
                        out.write(block);
                        sent.addAndGet(block.length);
                    }
                } catch (IOException e) {
                    // server closed
                }
            });
            String head = raw.readHead();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(head);
            assertEquals(413, Raw.status(head), head);
            assertTrue(ms < 1000, ms + " ms");
            raw.close();
            writer.join(5000);
            long read = s.server.bytesReceived() - before;
            System.out.printf("413 by Content-Length: %d ms, client wrote %d bytes, server read %d bytes%n",
                    ms, sent.get(), read);
            assertTrue(read < 1 << 20, "server read " + read + " bytes");
        }
    }

    @Test
    void thirtyMegabytesChunkedIs413AtTheLimitNotAtTheEnd() throws Exception {
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(10), 20 << 20, new FakeRenderer(5, 5, 64));
             Raw raw = new Raw(s.server.port())) {
            long before = s.server.bytesReceived();
            raw.send("POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] block = new byte[64 * 1024];
                byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = raw.socket.getOutputStream();
                    for (int i = 0; i < 480; i++) {
                        out.write(size);
                        out.write(block);
                        out.write('\r');
                        out.write('\n');
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // server closed
                }
            });
            String head = raw.readHead();
            assertNotNull(head);
            assertEquals(413, Raw.status(head), head);
            raw.close();
            writer.join(5000);
            long read = s.server.bytesReceived() - before;
            System.out.printf("413 chunked: server read %d bytes%n", read);
            assertTrue(read >= 20 << 20 && read < 25 << 20, "server read " + read + " bytes");
            s.awaitIdle(Duration.ofSeconds(2));
        }
    }

    @Test
    void thirtyMegabytesFromHttpClientIs413OrAReset() throws Exception {
        // what a well-behaved client sees; Java's HttpClient reads the answer while it still sends
        try (ServerFixture s = server(2, 4, Duration.ofSeconds(10), 20 << 20, new FakeRenderer(5, 5, 64))) {
            long before = s.server.bytesReceived();
            HttpRequest req = HttpRequest.newBuilder(s.uri("/api/render")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[30 << 20])).build();
            long t0 = System.nanoTime();
            String outcome;
            try {
                outcome = "status " + s.send(req).statusCode();
            } catch (IOException e) {
                outcome = "IOException " + e.getMessage();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long read = s.server.bytesReceived() - before;
            System.out.printf("HttpClient 30 MB: %s after %d ms, server read %d bytes%n", outcome, ms, read);
            assertTrue(outcome.equals("status 413") || outcome.startsWith("IOException"), outcome);
            assertTrue(read < 1 << 20);
        }
    }

    @Test
    void bearerTokenGuardsApiAndMetricsButNotHealth() throws Exception {
        String token = "s3cret-token-0123456789";
        try (ServerFixture s = ServerFixture.fake(ServeConfig.loopback(1, 1, Duration.ofSeconds(5), 1 << 20, token),
                new FakeRenderer(5, 5, 64))) {
            assertEquals(401, s.send(s.post("/api/render", DOC).build()).statusCode());
            assertEquals(401, s.send(s.post("/api/render", DOC).header("Authorization", "Bearer wrong").build()).statusCode());
            HttpResponse<byte[]> r = s.send(s.post("/api/render", DOC).header("Authorization", "Bearer wrong").build());
            assertEquals("Bearer realm=\"perfdoc\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(200, s.send(s.post("/api/render", DOC).header("Authorization", "Bearer " + token).build()).statusCode());
            assertEquals(401, s.get("/metrics").statusCode());
            assertEquals(200, s.get("/healthz").statusCode());
        }
        assertThrows(IllegalArgumentException.class, () -> config("0.0.0.0", false));
        config("0.0.0.0", true); // explicit: allowed
        config("localhost", false);
        BearerAuth auth = new BearerAuth(token);
        assertFalse(auth.allows(null));
        assertFalse(auth.allows("Bearer "));
        assertFalse(auth.allows("Basic " + token));
        assertTrue(auth.allows("bearer " + token));
    }

    static ServeConfig config(String bind, boolean noAuth) throws IOException {
        return ServeConfig.of(bind, 0, 1, 1, Duration.ofSeconds(5), 20, null, noAuth);
    }

    @Test
    void contentDispositionCarriesTheChineseNameAndAnAsciiFallback() throws Exception {
        String cd = ContentDisposition.attachment("2025年部门项目支出绩效目标表.pdf");
        assertEquals("attachment; filename=\"2025_.pdf\"; filename*=UTF-8''"
                + "2025%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA%E7%BB%A9%E6%95%88%E7%9B%AE%E6%A0%87%E8%A1%A8.pdf", cd);
        assertEquals("attachment; filename=\"document.docx\"; filename*=UTF-8''%E7%BB%A9%E6%95%88%E7%9B%AE%E6%A0%87%E8%A1%A8.docx",
                ContentDisposition.attachment("绩效目标表.docx"));
        String evil = ContentDisposition.attachment("../a\"b;c\r\n%.pdf");
        assertEquals("attachment; filename=\"a_b_c__.pdf\"", evil.substring(0, evil.indexOf(';', 12)));
        String ext = evil.substring(evil.indexOf("''") + 2);
        assertEquals("a\"b;c__%.pdf", URLDecoder.decode(ext, StandardCharsets.UTF_8));
        try (ServerFixture s = server(1, 1, Duration.ofSeconds(5), 1 << 20, new FakeRenderer(5, 5, 64))) {
            HttpResponse<byte[]> r = s.send(s.post("/api/render?format=docx", DOC).build());
            String h = r.headers().firstValue("Content-Disposition").orElseThrow();
            String name = URLDecoder.decode(h.substring(h.indexOf("''") + 2), StandardCharsets.UTF_8);
            assertEquals("2025年部门项目支出绩效目标表.docx", name);
        }
    }

    @Test
    void healthIs503WhenTheSelfCheckFailsAndWhileShuttingDown() throws Exception {
        FakeRenderer fake = new FakeRenderer(1500, 1500, 64);
        ServerFixture s = server(1, 2, Duration.ofSeconds(5), 1 << 20, fake);
        try (s) {
            assertEquals(200, s.get("/healthz").statusCode());
            fake.setHealthy(false);
            s.server.selfCheck().get();
            assertEquals(503, s.get("/healthz").statusCode());
            fake.setHealthy(true);
            s.server.selfCheck().get();
            assertEquals(200, s.get("/healthz").statusCode());
            try (Raw keepAlive = new Raw(s.server.port())) {
                keepAlive.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                String head = keepAlive.readHead();
                assertEquals(200, Raw.status(head));
                keepAlive.readBody(head);
                Future<HttpResponse<byte[]>> inFlight = s.client.sendAsync(s.post("/api/render", DOC).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                while (s.server.admission().running() == 0) {
                    Thread.sleep(5);
                }
                Thread stopper = Thread.ofVirtual().start(s.server::shutdown);
                Thread.sleep(200);
                keepAlive.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                head = keepAlive.readHead();
                assertEquals(503, Raw.status(head), head);
                assertEquals(200, inFlight.get().statusCode(), "in-flight work finishes");
                stopper.join();
            }
        }
    }

    static <T> T time(String what, Callable<T> c) throws Exception {
        long t0 = System.nanoTime();
        T t = c.call();
        System.out.printf("%s: %d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        return t;
    }

    /**
     * The stacks of the service's pool threads doing work: not waiting for a job (idle or reserved),
     * for a connection (the acceptor) or for the network (the selector). Empty when none is.
     */
    private static String busyHttpThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            boolean waiting = java.util.Arrays.stream(stack).anyMatch(f -> switch (f.getMethodName()) {
                case "idleJobPoll", "waitForTask" -> true; // QueuedThreadPool, ReservedThreadExecutor
                case "select" -> f.getClassName().endsWith("ManagedSelector");
                case "accept" -> f.getClassName().endsWith("ServerConnector");
                default -> false;
            });
            if (t.getName().startsWith("http-") && !waiting) {
                out.append("\n").append(t.getName()).append(' ').append(t.getState());
                java.util.Arrays.stream(stack).limit(12).forEach(f -> out.append("\n    at ").append(f));
            }
        });
        return out.toString();
    }
}
