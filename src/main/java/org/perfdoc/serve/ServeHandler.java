package org.perfdoc.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Invocable;
import org.perfdoc.Perfdoc;

/**
 * Routes, and the checks made before a body byte is read: method, auth (401), Content-Length (413),
 * parameters (400), shutdown (503), admission (429 + Retry-After). An answer decided here reads and
 * drops a small announced body first, and closes the connection when a body is left unread (see
 * {@link UnreadBody}).
 */
final class ServeHandler extends Handler.Abstract {
    private static final Set<String> FORMATS = Set.of("pdf", "docx", "zip", "xlsx", "json");
    private static final int PREVIEW_PAGES = 20;

    private final ServeConfig config;
    private final DocumentService service;
    private final WebContent web;
    private final Admission admission;
    private final Metrics metrics;
    private final BearerAuth auth;
    private final BooleanSupplier shuttingDown;
    private final BooleanSupplier healthy;

    ServeHandler(ServeConfig config, DocumentService service, WebContent web, Admission admission, Metrics metrics,
                 BooleanSupplier shuttingDown, BooleanSupplier healthy) {
        this.config = config;
        this.service = service;
        this.web = web;
        this.admission = admission;
        this.metrics = metrics;
        this.auth = new BearerAuth(config.token());
        this.shuttingDown = shuttingDown;
        this.healthy = healthy;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String route = route(path);
        BodyExchange.Outcome outcome = new BodyExchange.Outcome();
        Request.addCompletionListener(request, x -> metrics.requests.labelValues(route, outcome.status).inc());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        UnreadBody unread = UnreadBody.of(request); // until a BodyExchange reads it
        boolean post = route.equals("render") || route.equals("validate") || route.equals("preview");
        if (!(post ? "POST".equals(method) : isGet(method))) {
            response.getHeaders().put(HttpHeader.ALLOW, post ? "POST" : "GET, HEAD");
            problem(response, callback, outcome, 405, null, unread, null);
            return true;
        }
        if (route.equals("metrics") || route.startsWith("api") || post) {
            if (!authorized(request, response, callback, outcome, unread)) {
                return true;
            }
        }
        switch (route) {
            case "page", "asset" -> asset(path.equals("/") ? "index.html" : path.substring("/assets/".length()),
                    response, callback, outcome, unread);
            case "healthz" -> {
                boolean stopping = shuttingDown.getAsBoolean();
                boolean ok = !stopping && healthy.getAsBoolean();
                String status = stopping ? "shutting down" : ok ? "ok" : "self-check failed";
                reply(response, callback, outcome, ok ? 200 : 503, Replies.JSON_UTF8,
                        Replies.json(Map.of("status", status, "admitted", admission.admitted(),
                                "capacity", admission.capacity())), unread);
            }
            case "metrics" -> reply(response, callback, outcome, 200, metrics.contentType(), metrics.scrape(), unread);
            case "api-styles" -> reply(response, callback, outcome, 200, Replies.JSON_UTF8,
                    Replies.json(web.styles()), unread);
            case "api-schema" -> reply(response, callback, outcome, 200, "application/schema+json",
                    web.schema().getBytes(StandardCharsets.UTF_8), unread);
            case "api-limits" -> reply(response, callback, outcome, 200, Replies.JSON_UTF8, Replies.json(Map.of(
                    "maxBodyBytes", config.maxBodyBytes(), "jobs", config.jobs(), "queue", config.queue(),
                    "timeoutSeconds", config.timeout().toSeconds(), "generator", Perfdoc.generator())), unread);
            case "api-template" -> template(request, response, callback, outcome, unread);
            case "render", "validate", "preview" -> postBody(request, response, callback, outcome, route, unread);
            default -> problem(response, callback, outcome, 404, null, unread, null);
        }
        return true;
    }

    /** A fixed set of route names: a request path never becomes a metrics label. */
    private static String route(String path) {
        return switch (path) {
            case "/" -> "page";
            case "/healthz" -> "healthz";
            case "/metrics" -> "metrics";
            case "/api/render" -> "render";
            case "/api/validate" -> "validate";
            case "/api/preview" -> "preview";
            case "/api/styles" -> "api-styles";
            case "/api/schema" -> "api-schema";
            case "/api/limits" -> "api-limits";
            case "/api/template.xlsx" -> "api-template";
            default -> path.startsWith("/assets/") ? "asset" : "other";
        };
    }

    private void asset(String name, Response response, Callback callback, BodyExchange.Outcome outcome,
                       UnreadBody unread) {
        Optional<WebContent.Asset> asset = web.asset(name);
        if (asset.isEmpty()) {
            problem(response, callback, outcome, 404, null, unread, null);
            return;
        }
        if (name.equals("index.html")) {
            response.getHeaders().put("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'");
        }
        reply(response, callback, outcome, 200, asset.get().contentType(), asset.get().bytes(), unread);
    }

    /** {@code GET /api/template.xlsx?style=guangzhou}: the empty workbook finance staff fill in. */
    private void template(Request request, Response response, Callback callback, BodyExchange.Outcome outcome,
                          UnreadBody unread) {
        String style = Request.extractQueryParameters(request).getValue("style");
        Optional<byte[]> workbook = web.template(style);
        if (workbook.isEmpty()) {
            problem(response, callback, outcome, 400, "style must name a style with a workbook: "
                    + String.join(", ", web.workbookStyles()), unread, null);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
                ContentDisposition.attachment("绩效目标表模板-" + style + ".xlsx"));
        reply(response, callback, outcome, 200, PerfdocService.XLSX, workbook.get(), unread);
    }

    private void postBody(Request request, Response response, Callback callback, BodyExchange.Outcome outcome,
                          String route, UnreadBody unread) {
        Fields query = Request.extractQueryParameters(request);
        String format = Optional.ofNullable(query.getValue("format")).orElse("pdf").toLowerCase(Locale.ROOT);
        if (route.equals("render") && !FORMATS.contains(format)) {
            problem(response, callback, outcome, 400, "format must be pdf, docx, zip, xlsx or json", unread, null);
            return;
        }
        String pdfaValue = query.getValue("pdfa");
        if (pdfaValue != null && !pdfaValue.equals("true") && !pdfaValue.equals("false")) {
            problem(response, callback, outcome, 400, "pdfa must be true or false", unread, null);
            return;
        }
        Boolean pdfa = pdfaValue == null ? null : Boolean.valueOf(pdfaValue);
        long contentLength = request.getLength();
        if (contentLength > config.maxBodyBytes()) {
            metrics.rejections.labelValues("too_large").inc();
            problem(response, callback, outcome, 413, "the body is larger than the limit of "
                    + config.maxBodyBytes() / (1024 * 1024) + " MB (--max-body-mb)", unread.leftUnread(),
                    Map.of("limitBytes", config.maxBodyBytes()));
            return;
        }
        if (shuttingDown.getAsBoolean()) {
            metrics.rejections.labelValues("shutting_down").inc();
            problem(response, callback, outcome, 503, "the server is shutting down", unread.leftUnread(), null);
            return;
        }
        Admission.Ticket ticket = admission.tryAdmit();
        if (ticket == null) {
            metrics.rejections.labelValues("queue_full").inc();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, admission.retryAfterSeconds());
            problem(response, callback, outcome, 429, "all " + admission.capacity() + " places are taken",
                    unread, null);
            return;
        }
        BodyExchange.Work work = switch (route) {
            case "render" -> upload -> service.render(upload, format, pdfa);
            case "preview" -> upload -> service.preview(upload, PREVIEW_PAGES);
            default -> service::validate;
        };
        try {
            new BodyExchange(request, response, callback, route, work, uploadName(query), admission, ticket, metrics,
                    config.maxBodyBytes(), config.timeout().toNanos(), outcome).start(contentLength);
        } catch (RuntimeException e) {
            ticket.release();
            throw e;
        }
    }

    /** The name the client gave its file (for messages), reduced to a name; "upload.json" when none. */
    static String uploadName(Fields query) {
        String name = ContentDisposition.sanitize(query.getValue("name"));
        return name.equals("document") ? "upload.json" : name;
    }

    private boolean authorized(Request request, Response response, Callback callback, BodyExchange.Outcome outcome,
                               UnreadBody unread) {
        HttpField h = request.getHeaders().getField(HttpHeader.AUTHORIZATION);
        if (auth.allows(h == null ? null : h.getValue())) {
            return true;
        }
        metrics.rejections.labelValues("unauthorized").inc();
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"perfdoc\"");
        problem(response, callback, outcome, 401, "a bearer token is required", unread, null);
        return false;
    }

    private static boolean isGet(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static void problem(Response response, Callback callback, BodyExchange.Outcome outcome, int status,
                                String detail, UnreadBody unread, Map<String, ?> extra) {
        reply(response, callback, outcome, status, Replies.PROBLEM_JSON, Replies.problem(status, detail, extra), unread);
    }

    /** Answers before the request's body is read: a small body is read and dropped first (see {@link UnreadBody}). */
    private static void reply(Response response, Callback callback, BodyExchange.Outcome outcome, int status,
                              String type, byte[] body, UnreadBody unread) {
        if (unread.drain()) {
            // non-blocking (send only starts a write): Jetty runs it on the selector thread instead of
            // handing the selector to a reserved thread, which then counts as busy
            Content.Source.consumeAll(unread.request(), Callback.from(Invocable.InvocationType.NON_BLOCKING,
                    () -> send(response, callback, outcome, status, type, body, false),
                    failure -> send(response, callback, outcome, status, type, body, true)));
        } else {
            send(response, callback, outcome, status, type, body, unread.announced());
        }
    }

    private static void send(Response response, Callback callback, BodyExchange.Outcome outcome, int status,
                             String type, byte[] body, boolean close) {
        Replies.send(response, callback, status, type, body, close, ok -> {
            if (ok) {
                outcome.status = Integer.toString(status);
            }
        });
    }
}
