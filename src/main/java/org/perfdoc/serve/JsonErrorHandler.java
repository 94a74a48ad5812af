package org.perfdoc.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (bad request line, header too large, a handler that threw, …) as problem JSON
 * with the status's reason phrase only: neither the exception's message nor a stack trace goes out.
 */
final class JsonErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        byte[] body = Replies.problem(status, null, null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
