package org.perfdoc.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete responses: JSON problem documents (RFC 9457) and byte bodies. Never a stack trace. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private Replies() {
    }

    /** A problem document: type about:blank, title from the status, optional detail and extra members. */
    static byte[] problem(int status, String detail, Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.getMessage(status));
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        if (extra != null) {
            p.putAll(extra);
        }
        return json(p);
    }

    static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the whole response in one write. {@code close} adds Connection: close (used whenever the
     * request body was not, or not entirely, read). {@code written} hears whether the last byte went out.
     */
    static void send(Response response, Callback callback, int status, String contentType, byte[] body,
                     boolean close, Consumer<Boolean> written) {
        response.setStatus(status);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, contentType);
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        if (close) {
            h.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(body), new Callback() {
            @Override
            public void succeeded() {
                written.accept(true);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                written.accept(false);
                callback.failed(x);
            }
        });
    }
}
