package org.perfdoc.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.perfdoc.helper.Hashes;

/**
 * A stand-in for perfdoc in the transport's tests, whose timing they control: parses the body as JSON
 * (garbage is an error), refuses a body containing "INVALID", throws for "CRASH", then burns
 * {@code minMillis..maxMillis} of CPU (checking for interrupts) and returns {@code outputBytes} bytes.
 */
final class FakeRenderer implements DocumentService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int minMillis;
    private final int maxMillis;
    private final int outputBytes;
    private volatile boolean healthy = true;

    FakeRenderer(int minMillis, int maxMillis, int outputBytes) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.outputBytes = outputBytes;
    }

    void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    @Override
    public Checked validate(Upload upload) throws InterruptedException {
        List<Problem> problems = check(upload.bytes());
        if (problems.isEmpty()) {
            burn(upload.bytes());
        }
        return new Checked(null, problems, List.of());
    }

    @Override
    public Output render(Upload upload, String format, Boolean pdfa) throws InvalidDocumentException, InterruptedException {
        byte[] body = upload.bytes();
        List<Problem> problems = check(body);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(new Checked(null, problems, List.of()));
        }
        byte[] digest = burn(body);
        if (new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).contains("CRASH")) {
            throw new IllegalStateException("boom in com.example.Secret at /etc/perfdoc/fonts");
        }
        byte[] out = new byte[outputBytes];
        for (int i = 0; i < out.length; i++) {
            out[i] = digest[i % digest.length];
        }
        return new Output("2025年部门项目支出绩效目标表." + format, "application/pdf", out);
    }

    @Override
    public Preview preview(Upload upload, int maxPages) throws InvalidDocumentException, InterruptedException {
        render(upload, "pdf", null);
        return new Preview(null, 1, List.of(new byte[] {1}));
    }

    @Override
    public boolean selfCheck() {
        return healthy;
    }

    private static List<Problem> check(byte[] body) {
        try {
            JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            return List.of(new Problem("error", "$", loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    null, "not JSON", "not JSON"));
        } catch (IOException e) {
            return List.of(new Problem("error", "$", 0, 0, null, "unreadable", "unreadable"));
        }
        if (new String(body, StandardCharsets.UTF_8).contains("INVALID")) {
            return List.of(new Problem("error", "$.projects[0].name", 0, 0, null, "名称不能为“INVALID”", "INVALID"));
        }
        return List.of();
    }

    /** CPU work for a random time in [min, max] ms; honours interrupts every few microseconds. */
    private byte[] burn(byte[] body) throws InterruptedException {
        long until = System.nanoTime() + 1_000_000L * ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1);
        MessageDigest sha = Hashes.sha256();
        byte[] d = sha.digest(body);
        do {
            if (Thread.interrupted()) {
                throw new InterruptedException("render abandoned");
            }
            d = sha.digest(d);
        } while (System.nanoTime() < until);
        return d;
    }
}
