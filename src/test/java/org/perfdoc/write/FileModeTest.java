package org.perfdoc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfdoc.Examples;

/**
 * Outputs are published by web servers running as other users: every file and folder perfdoc writes
 * gets the mode an ordinary write gets under the process's umask, never the 0600 of a temporary file.
 * The umask is per process, so perfdoc runs in a child process started by a shell that sets it.
 */
class FileModeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"022, rw-r--r--, rwxr-xr-x", "027, rw-r-----, rwxr-x---"})
    void renderAndBatchOutputsGetTheUmasksMode(String umask, String fileMode, String dirMode) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/2024"));
        Files.copy(Examples.COURT, data.resolve("court.json"));
        Path rendered = dir.resolve("rendered");
        Path published = dir.resolve("published");
        run(umask, "render", Examples.COURT.toAbsolutePath().toString(), "--format", "pdf,docx,html",
                "-o", rendered.toString());
        run(umask, "batch", dir.resolve("data").toString(), "-o", published.toString(), "--format", "pdf,docx");

        Map<String, String> modes = modes(rendered);
        modes.putAll(modes(published));
        for (String name : List.of("rendered/guangzhou-intermediate-court.pdf", "rendered/guangzhou-intermediate-court.docx",
                "rendered/guangzhou-intermediate-court.html", "rendered/perfdoc-fonts.css", "rendered/fonts",
                "published/2024/court.pdf", "published/2024/court.docx", "published/index.html",
                "published/manifest.json", "published/2024")) {
            assertTrue(modes.containsKey(name), name + " was written: " + modes.keySet());
        }
        for (Map.Entry<String, String> e : modes.entrySet()) {
            boolean folder = Files.isDirectory(dir.resolve(e.getKey()));
            assertEquals(folder ? dirMode : fileMode, e.getValue(), e.getKey() + " under umask " + umask);
        }
        assertTrue(modes.keySet().stream().anyMatch(k -> k.startsWith("rendered/fonts/")), "preview fonts");
    }

    private Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                modes.put(dir.relativize(p).toString().replace('\\', '/'),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }

    private void run(String umask, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("umask " + umask + " && exec \"$0\" -cp \"$1\" org.perfdoc.cli.Main");
        for (int i = 0; i < args.length; i++) {
            command.append(" \"${").append(i + 2).append("}\"");
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", command.toString(), java,
                System.getProperty("java.class.path")));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "perfdoc finished");
        assertEquals(0, p.exitValue(), output);
    }
}
