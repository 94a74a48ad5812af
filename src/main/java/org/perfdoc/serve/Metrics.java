package org.perfdoc.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The service's metrics, in a registry of its own (not the static default one, so that tests can run
 * several servers in one JVM), written in the Prometheus text format 0.0.4.
 * Route labels come from a fixed set: a request path never becomes a label value.
 */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    final Counter requests = Counter.builder()
            .name("perfdoc_http_requests_total")
            .help("HTTP requests by route and status; status=aborted when the response could not be completed")
            .labelNames("route", "status")
            .register(registry);
    final Counter rejections = Counter.builder()
            .name("perfdoc_rejections_total")
            .help("Requests refused before any work: queue_full, too_large, unauthorized, shutting_down, timeout")
            .labelNames("reason")
            .register(registry);
    final Histogram renderSeconds = Histogram.builder()
            .name("perfdoc_render_seconds")
            .help("Time on a render thread, per operation and outcome")
            .unit(Unit.SECONDS)
            .labelNames("operation", "outcome")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);

    public Metrics(Admission admission) {
        JvmMetrics.builder().register(registry); // heap, GC, threads, resident memory: what an operator watches
        GaugeWithCallback.builder()
                .name("perfdoc_documents_in_flight")
                .help("Renders running now (at most --jobs)")
                .callback(cb -> cb.call(admission.running()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("perfdoc_queue_length")
                .help("Bodies received and waiting for a render thread")
                .callback(cb -> cb.call(admission.queued()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("perfdoc_admitted_requests")
                .help("Admission tickets out: uploading, queued, rendering or downloading (at most --jobs + --queue)")
                .callback(cb -> cb.call(admission.admitted()))
                .register(registry);
    }

    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public PrometheusRegistry registry() {
        return registry;
    }
}
