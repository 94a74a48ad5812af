package org.perfdoc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * External programs some tests drive (LibreOffice, Chromium, qpdf). Locally a missing one skips the test
 * and says why; under CI ({@code CI=true}) it fails the run, since {@code .ci/run} installs them all.
 */
public final class Tools {
    private Tools() {
    }

    /** The path of the first of {@code names} on PATH; skips (or under CI fails) the test when none is. */
    public static String require(String purpose, String... names) {
        return require("true".equalsIgnoreCase(System.getenv("CI")), purpose, names);
    }

    static String require(boolean ci, String purpose, String... names) {
        String found = find(names);
        if (found == null) {
            String why = String.join(" / ", names) + " not found on PATH: " + purpose;
            if (ci) {
                fail(why + " (CI=true: .ci/run installs it, so a missing tool is a failure, not a skip)");
            }
            assumeTrue(false, why + " skipped (.ci/run installs it)");
        }
        return found;
    }

    /** The path of the first of {@code names} on PATH, or null. */
    public static String find(String... names) {
        for (String name : List.of(names)) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
