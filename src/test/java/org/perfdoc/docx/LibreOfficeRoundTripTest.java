package org.perfdoc.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.OoxmlSchema;
import org.perfdoc.PdfText;
import org.perfdoc.Printed;
import org.perfdoc.TestDocuments;
import org.perfdoc.TextAssertions;
import org.perfdoc.Tools;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.render.Format;

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
        // Word drafts whose every field is text without break opportunities (short enough to stay on one
        // page, so that each reads back in one piece): nothing forces a no-wrap, and no text is lost
        List<TargetDocument> hostile = List.of(TestDocuments.hostile(new SplittableRandom(0), false, 500),
                TestDocuments.hostile(new SplittableRandom(1), true, 500));
        for (int i = 0; i < hostile.size(); i++) {
            byte[] bytes = Examples.PERFDOC.render(hostile.get(i), Format.DOCX).bytes();
            for (byte[] part : OoxmlSchema.parts(bytes).values()) {
                String xml = new String(part, StandardCharsets.UTF_8);
                assertFalse(xml.contains("noWrap") || xml.contains("wordWrap"), "a part forbids wrapping");
            }
            Path docx = dir.resolve("hostile-" + i + ".docx");
            Files.write(docx, bytes);
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
        for (int i = 0; i < hostile.size(); i++) {
            String office;
            try (PdfText a = new PdfText(Files.readAllBytes(dir.resolve("hostile-" + i + ".pdf")))) {
                office = TextAssertions.withoutMarks(a.drawingOrder().replaceAll("第 *\\d+ *页 *共 *\\d+ *页", ""));
            }
            for (Project project : hostile.get(i).projects()) {
                List<String> fields = new ArrayList<>(List.of(project.name(), project.goal()));
                project.indicators().forEach(ind -> fields.addAll(List.of(ind.name(), ind.value())));
                if (project.overview() != null) {
                    fields.addAll(List.of(project.overview(), project.basis(), project.necessity(),
                            project.safeguards(), project.plan()));
                }
                for (String field : fields) {
                    String expected = TextAssertions.withoutMarks(field);
                    assertTrue(office.contains(expected), "hostile-" + i + ": LibreOffice printed all of a field of "
                            + expected.length() + " characters starting " + expected.substring(0, Math.min(30, expected.length())));
                }
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
                    out.add(Printed.money(p.amounts().total()));
                }
                Budget b = p.budget();
                if (b != null) {
                    out.add(Printed.yuan(b.total()));
                    out.add(Printed.yuan(b.priorYearExecuted()));
                }
            }
        }
        if (doc.style().equals("guangzhou")) {
            out.add(Printed.money(doc.totals().total()));
        }
        return out;
    }
}
