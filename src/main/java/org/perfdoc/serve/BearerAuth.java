package org.perfdoc.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code Authorization: Bearer <token>}. Both sides are hashed to 32 bytes first, then compared with
 * {@link MessageDigest#isEqual}: its loop runs over its first argument's length, so comparing the raw
 * strings would leak the expected token's length; fixed-size digests leak nothing.
 */
public final class BearerAuth {
    private final byte[] expected; // null: no authentication

    public BearerAuth(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    public boolean required() {
        return expected != null;
    }

    /** The value of the Authorization header, possibly null. */
    public boolean allows(String authorization) {
        if (expected == null) {
            return true;
        }
        String presented = "";
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        // always hash and compare, also for a missing header: same work on every path
        boolean equal = MessageDigest.isEqual(sha256(presented), expected);
        return equal && !presented.isEmpty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
