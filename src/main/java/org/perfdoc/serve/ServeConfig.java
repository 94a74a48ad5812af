package org.perfdoc.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings of {@code perfdoc serve}, checked: binding beyond loopback needs a token or an explicit
 * choice to serve without one.
 *
 * @param bind          address to listen on
 * @param port          port (0: any free one)
 * @param jobs          renders at once
 * @param queue         requests waiting beyond those
 * @param timeout       the whole of a request: upload, wait and render
 * @param maxBodyBytes  the largest body read
 * @param token         the bearer token requests must carry, or null when none is required
 * @param idleTimeout   a connection that sends nothing for this long is closed
 * @param shutdownGrace how long SIGTERM waits for requests in flight
 */
public record ServeConfig(String bind, int port, int jobs, int queue, Duration timeout, long maxBodyBytes,
                          String token, Duration idleTimeout, Duration shutdownGrace) {

    /**
     * Settings from the command line's values; {@code tokenFile} null and {@code noAuth} false allow only a
     * loopback {@code bind}. A token shorter than 16 characters, or a bad number, is refused with the reason.
     */
    public static ServeConfig of(String bind, int port, int jobs, int queue, Duration timeout, long maxBodyMb,
                                 Path tokenFile, boolean noAuth) throws IOException {
        if (jobs < 1 || queue < 0 || port < 0 || port > 65535 || maxBodyMb < 1 || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("--jobs ≥ 1, --queue ≥ 0, --port 0–65535, --max-body-mb ≥ 1 and a"
                    + " positive --timeout, please");
        }
        String token = null;
        if (tokenFile != null) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.length() < 16) {
                throw new IllegalArgumentException("the token in " + tokenFile + " is shorter than 16 characters");
            }
        } else if (!noAuth && !isLoopback(bind)) {
            throw new IllegalArgumentException("binding to " + bind
                    + " (not loopback) needs --token-file FILE, or --no-auth to serve without authentication");
        }
        // the idle timeout catches a peer that sends nothing at all; the request deadline catches trickles
        Duration idle = timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30);
        return new ServeConfig(bind, port, jobs, queue, timeout, maxBodyMb * 1024 * 1024, token, idle,
                timeout.plusSeconds(5));
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
    }

    /** 30s, 1500ms, 2m, or plain seconds. */
    public static Duration parseDuration(String s) {
        s = s.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(s));
    }

    /** Loopback, any free port: for tests and the benchmark. */
    public static ServeConfig loopback(int jobs, int queue, Duration timeout, long maxBodyBytes, String token) {
        return new ServeConfig("127.0.0.1", 0, jobs, queue, timeout, maxBodyBytes, token, timeout,
                timeout.plusSeconds(2));
    }
}
