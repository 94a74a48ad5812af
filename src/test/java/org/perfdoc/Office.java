package org.perfdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** LibreOffice, headless, with a fresh profile and the bundled fonts: converts files as a user's office would. */
public final class Office {
    private Office() {
    }

    /**
     * Converts {@code files} to {@code to} ("pdf", "xlsx", …) into {@code dir}; skipped locally and failed
     * under CI when LibreOffice is missing. Returns {@code dir}.
     */
    public static Path convert(Path dir, String to, String purpose, Path... files) throws Exception {
        String soffice = Tools.require(purpose, "soffice");
        List<String> command = new ArrayList<>(List.of(soffice, "--headless", "--norestore", "--convert-to", to,
                "--outdir", dir.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", dir.resolve("office-home").toString()); // a fresh profile
        pb.environment().put("FONTCONFIG_FILE", Path.of("docs/fontconfig/fonts.conf").toAbsolutePath().toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, p.exitValue(), log);
        return dir;
    }
}
