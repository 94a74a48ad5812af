package org.perfdoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.Tools;
import org.perfdoc.render.Format;

/**
 * index.html as headless Chromium sees it: one row per input and every link resolving to a file.
 * CI installs Debian's chromium; where it is missing the test is skipped locally, saying so, and fails under CI.
 */
class IndexPageChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void chromiumShowsARowPerDocumentAndEveryLinkResolves() throws Exception {
        String chromium = Tools.require("index page check in a browser", "chromium", "chromium-browser", "google-chrome");
        Path data = Files.createDirectories(tmp.resolve("data/2024"));
        Files.copy(Examples.COURT, data.resolve("市中级人民法院.json"));
        Files.copy(Examples.JUSTICE, data.resolve("市司法局 #2.json"));
        Files.writeString(data.resolve("坏文件.json"), "{");
        Path out = tmp.resolve("out");
        new BatchRunner(Examples.PERFDOC, new BatchOptions(tmp.resolve("data"), out,
                List.of(Format.PDF, Format.DOCX), 2, false)).run(Progress.NONE);

        Path index = out.resolve("index.html").toRealPath();
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile"), "--dump-dom", index.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());

        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"(\\w+)\" data-input=\"([^\"]+)\">").matcher(dom);
        while (row.find()) {
            rows.add(row.group(2) + " " + row.group(1));
        }
        assertEquals(List.of("2024/坏文件.json invalid", "2024/市中级人民法院.json ok", "2024/市司法局 #2.json ok"), rows);

        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">(PDF|Word)</a>").matcher(dom);
        int links = 0;
        while (link.find()) {
            URI resolved = index.toUri().resolve(link.group(1));
            assertTrue(Files.isRegularFile(Path.of(resolved)), "link resolves: " + link.group(1));
            links++;
        }
        assertEquals(4, links, "PDF and Word links for both valid documents");
    }
}
