package org.perfdoc.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The body of a request answered before its body is read (refused, or a GET with a body). A client
 * still sending it can miss an answer given over its upload: the closing connection resets, and it
 * sees a broken pipe instead of its 400 or 401. So a small body of known length is read and dropped
 * first, and the connection stays open; a large or chunked one, or one the client holds back until
 * asked ({@code Expect: 100-continue}), is left unread and the answer closes the connection.
 *
 * @param request   the request
 * @param announced whether it announced a body (Content-Length above 0, or Transfer-Encoding)
 * @param drain     whether to read and drop that body before answering
 */
record UnreadBody(Request request, boolean announced, boolean drain) {
    /** The largest body read only to be dropped: a refused upload costs the server at most this. */
    static final long DRAIN_LIMIT = 1 << 20;

    static UnreadBody of(Request request) {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        boolean waiting = request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
        boolean small = length > 0 && length <= DRAIN_LIMIT;
        return new UnreadBody(request, length > 0 || chunked, small && !chunked && !waiting);
    }

    /** The same body, never read (too large, or the server stopping): the answer closes the connection. */
    UnreadBody leftUnread() {
        return new UnreadBody(request, true, false);
    }
}
