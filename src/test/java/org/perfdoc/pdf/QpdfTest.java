package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.Tools;
import org.perfdoc.render.Format;

/** qpdf, an independent PDF parser, finds no syntax or stream error in any example's PDF. */
class QpdfTest {
    @TempDir
    Path dir;

    @Test
    void qpdfChecksEveryExamplePdf() throws Exception {
        String qpdf = Tools.require("qpdf --check of every example PDF", "qpdf");
        for (String name : List.of("guangzhou-intermediate-court", "guangzhou-justice-bureau-2023",
                "shanghai-first-intermediate-court-2020")) {
            Path pdf = dir.resolve(name + ".pdf");
            Files.write(pdf, Examples.PERFDOC.render(Examples.read(Path.of("examples", name + ".json")).document(),
                    Format.PDF).bytes());
            Process p = new ProcessBuilder(qpdf, "--check", pdf.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("No syntax or stream encoding errors found"), out);
        }
    }
}
