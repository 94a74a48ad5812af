package org.perfdoc.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.perfdoc.Examples;

/** A real server on an ephemeral loopback port, and an HTTP/1.1 client for it. */
final class ServerFixture implements AutoCloseable {
    final PerfdocServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerFixture(PerfdocServer server) throws Exception {
        this.server = server.start();
    }

    /** A server of a stand-in renderer whose timing the test controls. */
    static ServerFixture fake(ServeConfig config, DocumentService renderer) throws Exception {
        return new ServerFixture(new PerfdocServer(config, renderer, new WebContent(Examples.PERFDOC)));
    }

    /** The real service over the shared test instance of perfdoc. */
    static ServerFixture real(ServeConfig config) throws Exception {
        return new ServerFixture(PerfdocServer.of(Examples.PERFDOC, config));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void awaitNoConnections(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (server.openConnections() > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError(server.openConnections() + " connections still open");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until no ticket is out and nothing renders: the proof that nothing leaked. */
    void awaitIdle(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        Admission a = server.admission();
        while (a.admitted() + a.running() + a.queued() > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not idle: admitted " + a.admitted() + ", running " + a.running()
                        + ", queued " + a.queued());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
