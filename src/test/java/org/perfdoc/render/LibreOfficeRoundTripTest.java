package org.perfdoc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.Tools;
import org.perfdoc.PdfText;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;

/**
 * Each example's .docx goes through LibreOffice (soffice --convert-to pdf); the text of that PDF holds
 * the same project names and amounts as perfdoc's own PDF. CI installs LibreOffice, so there it runs;
 * without soffice it is skipped locally, saying so, and fails under CI.
 */
class LibreOfficeRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void libreOfficeOpensEveryExampleAndPrintsTheSameNamesAndAmounts() throws Exception {
        String soffice = Tools.require("LibreOffice round trip of the .docx files", "soffice");
        List<String> names = List.of("guangzhou-intermediate-court", "guangzhou-justice-bureau-2023",
                "shanghai-first-intermediate-court-2020");
        List<String> command = new ArrayList<>(List.of(soffice, "--headless", "--norestore", "--convert-to", "pdf",
                "--outdir", dir.toString()));
        for (String name : names) {
            TargetDocument doc = Examples.read(Path.of("examples", name + ".json")).document();
            Path docx = dir.resolve(name + ".docx");
            Files.write(docx, Examples.PERFDOC.render(doc, Format.DOCX).bytes());
            command.add(docx.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", dir.resolve("home").toString()); // a fresh LibreOffice profile
        pb.environment().put("FONTCONFIG_FILE", Path.of("docs/fontconfig/fonts.conf").toAbsolutePath().toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, p.exitValue(), log);

        for (String name : names) {
            TargetDocument doc = Examples.read(Path.of("examples", name + ".json")).document();
            Path converted = dir.resolve(name + ".pdf");
            assertTrue(Files.exists(converted), "LibreOffice wrote " + converted + "\n" + log);
            String office;
            String ours;
            try (PdfText a = new PdfText(Files.readAllBytes(converted));
                 PdfText b = new PdfText(Examples.PERFDOC.render(doc, Format.PDF).bytes())) {
                office = a.drawingOrder().replaceAll("\\s", "");
                ours = b.drawingOrder().replaceAll("\\s", "");
            }
            for (String expected : namesAndAmounts(doc)) {
                assertTrue(office.contains(expected), name + ": LibreOffice's PDF lacks " + expected);
                assertTrue(ours.contains(expected), name + ": perfdoc's PDF lacks " + expected);
            }
        }
    }

    static List<String> namesAndAmounts(TargetDocument doc) {
        List<String> out = new ArrayList<>();
        for (Unit u : doc.units()) {
            out.add(u.name());
            for (Project p : u.projects()) {
                out.add(p.name().replaceAll("\\s", ""));
                if (p.amounts() != null) {
                    out.add(GuangzhouPdfTest.money(p.amounts().total()));
                }
                Budget b = p.budget();
                if (b != null) {
                    out.add(ShanghaiPdfTest.yuan(b.total()));
                    out.add(ShanghaiPdfTest.yuan(b.priorYearExecuted()));
                }
            }
        }
        if (doc.style().equals("guangzhou")) {
            out.add(GuangzhouPdfTest.money(doc.totals().total()));
        }
        return out;
    }
}
