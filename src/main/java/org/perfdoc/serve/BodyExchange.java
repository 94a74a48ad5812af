package org.perfdoc.serve;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One admitted POST: read the body asynchronously (counting bytes against the limit), hand it to a
 * render thread, write the answer; all of it under one deadline.
 *
 * <p>Exactly one party answers the client: whoever wins {@link #claim()} — the body reader (413, read
 * errors), the render completion (200/422/500) or the deadline (408 while uploading, 503 while queued
 * or rendering). The deadline, if it loses because the answer is being written, fails the request so
 * that a stalled download is aborted. No thread waits on anything: reads are demand callbacks, the
 * render runs on the render pool, the deadline on Jetty's scheduler.
 */
final class BodyExchange {
    private static final Logger LOG = Logger.getLogger(BodyExchange.class.getName());

    /** What the exchange does with the body on a render thread. */
    @FunctionalInterface
    interface Work {
        Object run(DocumentService.Upload upload) throws Exception;
    }

    enum Phase { READING, QUEUED, WRITING }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String operation;
    private final Work work;
    private final String uploadName;
    private final Admission admission;
    private final Admission.Ticket ticket;
    private final Metrics metrics;
    private final long maxBody;
    private final long timeoutNanos;
    private final Outcome outcome;

    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean ticketReleased = new AtomicBoolean();
    private volatile Phase phase = Phase.READING;
    private volatile Admission.Job<?> job;
    private volatile Scheduler.Task deadline;
    private byte[] body; // only the reading side touches these until the job is submitted
    private int length;

    /** Route status for metrics: "aborted" until a response's last byte is written. */
    static final class Outcome {
        volatile String status = "aborted";
    }

    BodyExchange(Request request, Response response, Callback callback, String operation, Work work, String uploadName,
                 Admission admission, Admission.Ticket ticket, Metrics metrics,
                 long maxBody, long timeoutNanos, Outcome outcome) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.operation = operation;
        this.work = work;
        this.uploadName = uploadName;
        this.admission = admission;
        this.ticket = ticket;
        this.metrics = metrics;
        this.maxBody = maxBody;
        this.timeoutNanos = timeoutNanos;
        this.outcome = outcome;
    }

    void start(long contentLength) {
        Request.addCompletionListener(request, this::completed);
        // the deadline counts from the end of the request headers, so upload time is inside it
        long elapsed = System.nanoTime() - request.getHeadersNanoTime();
        deadline = request.getComponents().getScheduler()
                .schedule(this::onDeadline, Math.max(0, timeoutNanos - elapsed), TimeUnit.NANOSECONDS);
        body = new byte[(int) Math.min(Math.max(contentLength, 8192), maxBody)];
        read();
    }

    // ---- upload -------------------------------------------------------------------------------

    /** Reads what is there; demands a callback for the rest. Called again by Jetty on new content. */
    private void read() {
        while (true) {
            if (answered.get()) {
                return; // the deadline answered (and failed the request): stop reading
            }
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::read);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                readFailed(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            if ((long) length + n > maxBody) {
                chunk.release();
                metrics.rejections.labelValues("too_large").inc();
                answerProblem(413, "the body is larger than " + maxBody / (1024 * 1024) + " MB", true, null);
                return;
            }
            if (length + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBody, Math.max((long) body.length * 2, length + n)));
            }
            bytes.get(body, length, n);
            length += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                received();
                return;
            }
        }
    }

    private void readFailed(Throwable x) {
        if (x instanceof TimeoutException) { // Jetty's idle timeout: nothing arrived for idleTimeout
            metrics.rejections.labelValues("timeout").inc();
            answerProblem(408, "the request body did not arrive in time", true, null);
        } else if (x instanceof HttpException he && he.getCode() >= 400 && he.getCode() < 500) {
            answerProblem(he.getCode(), null, true, null); // e.g. bad chunked encoding
        } else if (claim()) { // the client went away (EofException): nobody to answer
            callback.failed(x);
        }
    }

    // ---- render -------------------------------------------------------------------------------

    private void received() {
        phase = Phase.QUEUED;
        byte[] input = length == body.length ? body : Arrays.copyOf(body, length);
        body = null;
        DocumentService.Upload upload = new DocumentService.Upload(uploadName,
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), input);
        long[] started = new long[1];
        Admission.Job<Object> j = admission.submit(ticket, () -> {
            started[0] = System.nanoTime();
            return work.run(upload);
        }, (result, failure) -> {
            double seconds = started[0] == 0 ? 0 : (System.nanoTime() - started[0]) / 1e9;
            metrics.renderSeconds.labelValues(operation, outcomeOf(failure)).observe(seconds);
            rendered(result, failure);
        });
        job = j;
        if (answered.get()) {
            j.abandon(); // the deadline fired between submit and here
        }
    }

    private static String outcomeOf(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof DocumentService.InvalidDocumentException) {
            return "invalid";
        }
        return failure instanceof InterruptedException ? "abandoned" : "error";
    }

    /** On the render thread. Loses quietly to a deadline that already answered. */
    private void rendered(Object result, Throwable failure) {
        if (failure instanceof DocumentService.InvalidDocumentException invalid) {
            answerProblem(422, "the document has errors: nothing was rendered", false, problems(invalid.checked()));
        } else if (failure != null) {
            if (!(failure instanceof InterruptedException)) {
                LOG.log(Level.WARNING, "render failed", failure); // the log gets the trace, the client does not
            }
            answerProblem(500, "rendering failed", false, null);
        } else if (result instanceof DocumentService.Output out) {
            if (claim()) {
                phase = Phase.WRITING;
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, ContentDisposition.attachment(out.fileName()));
                Replies.send(response, callback, 200, out.contentType(), out.bytes(), false, this::written200);
            }
        } else if (result instanceof DocumentService.Checked checked) {
            json(problems(checked));
        } else if (result instanceof DocumentService.Preview preview) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("summary", preview.summary());
            body.put("pages", preview.pages());
            body.put("images", preview.images().stream()
                    .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png)).toList());
            json(body);
        }
    }

    private static Map<String, Object> problems(DocumentService.Checked checked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", checked.summary());
        body.put("errors", checked.errors());
        body.put("warnings", checked.warnings());
        return body;
    }

    private void json(Map<String, Object> body) {
        if (claim()) {
            phase = Phase.WRITING;
            Replies.send(response, callback, 200, Replies.JSON_UTF8, Replies.json(body), false, this::written200);
        }
    }

    private void written200(boolean ok) {
        if (ok) {
            outcome.status = "200";
        }
        releaseTicket();
    }

    /**
     * As soon as the last write is done (or failed), not at Jetty's completion: completion runs a moment
     * after the client has the last byte, and a client that fires its next request at once would find
     * its own previous ticket still out (a spurious 429 at full capacity). Idempotent.
     */
    private void releaseTicket() {
        if (ticketReleased.compareAndSet(false, true)) {
            ticket.release();
        }
    }

    // ---- deadline -----------------------------------------------------------------------------

    private void onDeadline() {
        TimeoutException timeout = new TimeoutException("request deadline passed");
        Phase p = phase;
        if (claim()) {
            metrics.rejections.labelValues("timeout").inc();
            Admission.Job<?> j = job;
            if (j != null) {
                j.abandon();
            }
            // wakes a pending read (which sees answered and stops); marks the input failed, so Jetty
            // will not try to keep the connection
            request.fail(timeout);
            int status = p == Phase.READING ? 408 : 503;
            send(status, Replies.problem(status, p == Phase.READING
                    ? "the request body did not arrive in time" : "rendering took too long", null), true);
        } else if (phase == Phase.WRITING) {
            request.fail(timeout); // fails the pending write: the download is cut and the connection closed
        }
    }

    // ---- answers and completion ---------------------------------------------------------------

    private boolean claim() {
        return answered.compareAndSet(false, true);
    }

    private void answerProblem(int status, String detail, boolean close, Map<String, ?> extra) {
        if (claim()) {
            phase = Phase.WRITING;
            send(status, Replies.problem(status, detail, extra), close);
        }
    }

    private void send(int status, byte[] json, boolean close) {
        phase = Phase.WRITING;
        Replies.send(response, callback, status, Replies.PROBLEM_JSON, json, close, ok -> {
            if (ok) {
                outcome.status = Integer.toString(status);
            }
            releaseTicket();
        });
    }

    /** Jetty completed the exchange (answered, aborted, or the client vanished). */
    private void completed(Throwable failure) {
        Scheduler.Task d = deadline;
        if (d != null) {
            d.cancel();
        }
        Admission.Job<?> j = job;
        if (j != null && failure != null) {
            j.abandon(); // e.g. connection died: stop a render nobody will read
        }
        releaseTicket(); // the exchange ended without our last write (client gone, read failure)
    }
}
