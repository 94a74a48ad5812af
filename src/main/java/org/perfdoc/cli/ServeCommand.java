package org.perfdoc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.perfdoc.serve.PerfdocServer;
import org.perfdoc.serve.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve perfdoc over HTTP: POST /api/render?format=pdf|docx|zip, /api/validate, /api/preview,"
                + " GET /api/styles, /api/schema, /healthz, /metrics (Prometheus), and a web page at / where"
                + " finance staff drop a file and download the PDF and Word draft.",
                "Fonts and templates are loaded once; at most --jobs renders run at once and --queue wait, the"
                        + " rest get 429 with Retry-After; SIGTERM finishes what is in flight, then exits 0."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only). Any other needs --token-file"
                    + " or --no-auth.")
    String bind;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: 8080; 0: any free one).")
    int port;

    @Option(names = "--jobs", paramLabel = "N", description = "Renders at once (default: the number of processors).")
    Integer jobs;

    @Option(names = "--queue", paramLabel = "N", description = "Requests that may wait for a render (default: 4 × jobs).")
    Integer queue;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "The whole of a request, upload included: 408 while uploading, 503 after (default: 30s).")
    Duration timeout;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "20",
            description = "Largest request body (default: 20 MB): larger ones get 413 without being read.")
    long maxBodyMb;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token (at least 16 characters) every /api and /metrics request"
                    + " must send as Authorization: Bearer TOKEN.")
    Path tokenFile;

    @Option(names = "--no-auth", description = "Serve a non-loopback --bind without a token (behind a proxy that checks).")
    boolean noAuth;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() throws Exception {
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        ServeConfig config;
        try {
            config = ServeConfig.of(bind, port, n, queue == null ? 4 * n : queue, timeout, maxBodyMb, tokenFile, noAuth);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("perfdoc: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        PerfdocServer server = PerfdocServer.of(read.perfdoc(), config).start();
        // SIGTERM runs the hooks, then exits 143 whatever they do: after a clean drain, halt(0) says so
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("perfdoc serve: stopping, finishing requests in flight (up to "
                    + config.shutdownGrace().toSeconds() + " s)");
            out.flush();
            boolean clean = server.shutdown();
            out.println("perfdoc serve: stopped" + (clean ? "" : ", requests still running were cut off"));
            out.flush();
            Runtime.getRuntime().halt(clean ? ExitCodes.OK : ExitCodes.FAILURE);
        }, "perfdoc-serve-shutdown"));
        out.println("perfdoc serve: http://" + config.bind() + ":" + server.port() + "/ (" + config.jobs() + " jobs, "
                + config.queue() + " waiting at most" + (config.token() == null ? "" : ", bearer token required") + ")");
        out.flush();
        Thread.currentThread().join(); // the shutdown hook ends the process
        return ExitCodes.OK;
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ServeConfig.parseDuration(value);
        }
    }
}
