package org.perfdoc.serve;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.perfdoc.Perfdoc;

/**
 * Jetty 12 core (no servlets): one HTTP/1.1 connector, GracefulHandler → ServeHandler, JSON errors.
 * {@link #shutdown()} is what SIGTERM runs: /healthz turns 503, the listening socket closes (new
 * connections are refused), in-flight requests finish within the grace period, then the render
 * threads stop.
 */
public final class PerfdocServer implements AutoCloseable {
    private final ServeConfig config;
    private final Admission admission;
    private final Metrics metrics;
    private final Server server;
    private final QueuedThreadPool threads;
    private final NetworkConnectionLimit limit;
    private final ServerConnector connector;
    private final ConnectionStatistics connectionStats = new ConnectionStatistics();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private final DocumentService service;
    private volatile boolean healthy;

    /** The service of {@code perfdoc} as {@code config} says, not started. */
    public static PerfdocServer of(Perfdoc perfdoc, ServeConfig config) throws IOException {
        byte[] selfCheck;
        try (InputStream in = PerfdocServer.class.getResourceAsStream(SELF_CHECK)) {
            if (in == null) {
                throw new IOException(SELF_CHECK + " is missing from the class path");
            }
            selfCheck = in.readAllBytes();
        }
        return new PerfdocServer(config, new PerfdocService(perfdoc, selfCheck), new WebContent(perfdoc));
    }

    /** The document /healthz's self-check renders: a bundled example. */
    private static final String SELF_CHECK = "/examples/guangzhou-intermediate-court.json";

    /** A server of {@code service} and {@code web} as {@code config} says; {@link #start()} starts it. */
    public PerfdocServer(ServeConfig config, DocumentService service, WebContent web) {
        this.config = config;
        this.service = service;
        this.admission = new Admission(config.jobs(), config.queue());
        this.metrics = new Metrics(admission);

        // handlers never block (reads are async, renders go to the render pool), so a small pool does
        threads = new QueuedThreadPool(32, 4, 60_000);
        threads.setName("http");
        server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        // (HttpConfiguration.setMinRequestDataRate exists but nothing in Jetty 12.1 core reads it)

        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        // no byte for this long on a connection → the pending read fails with TimeoutException (→ 408)
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        connector.addBean(connectionStats);
        server.addConnector(connector);
        // a request head must be complete within the request timeout (see HeadDeadline)
        connector.addBean(new HeadDeadline(server.getScheduler(), config.timeout().toMillis()));
        // bounded sockets: past the limit Jetty stops accepting and shortens idle timeouts to 2 s
        limit = new NetworkConnectionLimit(Math.max(64, 4 * admission.capacity()), connector);
        limit.setEndPointIdleTimeout(2_000);
        server.addBean(limit);

        ServeHandler app = new ServeHandler(config, service, web, admission, metrics, shuttingDown::get, () -> healthy);
        server.setHandler(new GracefulHandler(app));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(config.shutdownGrace().toMillis()); // > 0 makes stop() graceful
        server.setStopAtShutdown(false); // our own hook does it, in order
    }

    /**
     * Renders the self-check document (which also loads the fonts and compiles the templates before
     * the first request), starts listening, and checks again every minute on a render thread when one
     * is free: /healthz answers 503 once a check fails.
     */
    public PerfdocServer start() throws Exception {
        healthy = service.selfCheck();
        server.start();
        server.getScheduler().schedule(this::checkAgain, 60, TimeUnit.SECONDS);
        return this;
    }

    private void checkAgain() {
        if (stopped.get()) {
            return;
        }
        server.getScheduler().schedule(this::checkAgain, 60, TimeUnit.SECONDS);
        selfCheck(); // on a render thread: the scheduler thread, which runs the deadlines, never waits
    }

    /**
     * Renders the self-check document on a render thread, as a request would (so it counts against
     * --jobs), and records the outcome for /healthz; skipped (completing with the last outcome) while
     * every place is taken.
     */
    CompletableFuture<Boolean> selfCheck() {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        Admission.Ticket ticket = admission.tryAdmit();
        if (ticket == null) {
            outcome.complete(healthy); // every place is taken: renders are happening, the last check stands
            return outcome;
        }
        admission.submit(ticket, service::selfCheck, (ok, failure) -> {
            healthy = failure == null && Boolean.TRUE.equals(ok);
            ticket.release();
            outcome.complete(healthy);
        });
        return outcome;
    }

    /** Whether the last self-check render worked. */
    public boolean healthy() {
        return healthy;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public QueuedThreadPool threadPool() {
        return threads;
    }

    public Admission admission() {
        return admission;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Bytes Jetty has read from sockets: closed connections plus open ones. */
    public long bytesReceived() {
        long open = 0;
        for (EndPoint ep : connector.getConnectedEndPoints()) {
            var c = ep.getConnection();
            if (c != null) {
                open += c.getBytesIn();
            }
        }
        return connectionStats.getReceivedBytes() + open;
    }

    public String connectionLimitState() {
        return limit.getNetworkConnectionCount() + " counted, " + limit.getPendingNetworkConnectionCount()
                + " pending, max " + limit.getMaxNetworkConnectionCount() + ", endpoints " + openConnections();
    }

    public int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    /**
     * Graceful stop, bounded by the grace period. Idempotent; returns true if every in-flight request
     * and render ended in time.
     */
    public boolean shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return true;
        }
        shuttingDown.set(true);
        boolean clean = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        try {
            server.stop(); // Graceful.shutdown: close the acceptor, wait for GracefulHandler's count, then stop
        } catch (Exception e) {
            clean = false; // a TimeoutException here: requests still running after the grace period
        }
        try {
            long left = Math.max(100, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
            clean &= admission.shutdown(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        return clean;
    }

    @Override
    public void close() {
        shutdown();
    }
}
