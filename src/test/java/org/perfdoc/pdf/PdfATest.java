package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Perfdoc;
import org.perfdoc.TestDocuments;
import org.perfdoc.VeraPdf;
import org.perfdoc.fonts.FontLibrary;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.DocumentRenderer;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;
import org.perfdoc.render.Rendered;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.TemplateRoots;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.w3c.dom.Document;

/** --pdfa writes PDF/A-2u that veraPDF, the reference validator, accepts with no failed rule. */
class PdfATest {
    static final RenderOptions PDFA = new RenderOptions(true);

    @TempDir
    Path dir;

    static Rendered pdfa(TargetDocument doc) {
        return Examples.PERFDOC.render(doc, Format.PDF, PDFA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json",
            "shanghai-first-intermediate-court-2020.json"})
    void everyExampleIsPdfA2uWithNoFailedRule(String file) throws Exception {
        Rendered r = pdfa(Examples.read(Path.of("examples", file)).document());
        assertEquals("PDF/A-2u", r.conformance());
        VeraPdf.Report report = VeraPdf.validate(r.bytes(), PDFAFlavour.PDFA_2_U);
        System.out.println("veraPDF PDF/A-2u " + file + ": " + report);
        assertTrue(report.compliant(), report.toString());
        assertEquals(0, report.failedRules().size(), report.toString());
        assertTrue(report.checks() > 1000, "veraPDF checked the file: " + report);
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 6).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void documentsOfHostileTextAreStillPdfA2u(int seed) throws Exception {
        TargetDocument doc = TestDocuments.hostile(new SplittableRandom(100 + seed), seed % 2 == 0, 800);
        VeraPdf.Report report = VeraPdf.validate(pdfa(doc).bytes(), PDFAFlavour.PDFA_2_U);
        assertEquals(0, report.failedRules().size(), report.toString());
    }

    @Test
    void aPlainPdfIsNotPdfA() throws Exception {
        Rendered plain = Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF);
        assertEquals(null, plain.conformance());
        VeraPdf.Report report = VeraPdf.validate(plain.bytes(), PDFAFlavour.PDFA_2_U);
        assertFalse(report.compliant(), "veraPDF can fail a file: " + report);
        assertTrue(report.failedRules().keySet().stream().anyMatch(r -> r.contains("6.6.2.1")), "no XMP: " + report);
    }

    @Test
    void theSameInputGivesTheSameBytesAndXmpRepeatsTheInfoDictionary() throws Exception {
        DocumentRenderer dated = new DocumentRenderer(new StyleCatalog(TemplateRoots.bundled()), FontLibrary.bundled(),
                Perfdoc.generator(), Instant.ofEpochSecond(1700000000L));
        TargetDocument court = Examples.read(Examples.COURT).document();
        byte[] first = dated.render(court, Format.PDF, PDFA).bytes();
        assertArrayEquals(first, dated.render(court, Format.PDF, PDFA).bytes());
        assertArrayEquals(pdfa(court).bytes(), pdfa(court).bytes());
        // PDF/A-2's profile does not compare Info and XMP; PDF/A-1's rules 6.7.3 do, field by field
        VeraPdf.Report asPart1 = VeraPdf.validate(first, PDFAFlavour.PDFA_1_B);
        assertTrue(asPart1.failedRules().keySet().stream().noneMatch(r -> r.contains(" 6.7.3")), asPart1.toString());
        try (PdfText pdf = new PdfText(first)) {
            PDDocumentInformation info = pdf.document().getDocumentInformation();
            Document xmp = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    pdf.document().getDocumentCatalog().getMetadata().toByteArray()));
            assertEquals(info.getTitle(), text(xmp, "dc:title"));
            assertEquals(info.getAuthor(), text(xmp, "dc:creator"));
            assertEquals(info.getSubject(), text(xmp, "dc:description"));
            assertEquals(info.getKeywords(), text(xmp, "pdf:Keywords"));
            assertEquals(info.getProducer(), text(xmp, "pdf:Producer"));
            assertEquals("2023-11-14T22:13:20Z", text(xmp, "xmp:CreateDate"));
            assertEquals(Instant.ofEpochSecond(1700000000L), info.getCreationDate().toInstant());
            assertEquals("2", text(xmp, "pdfaid:part"));
            assertEquals("U", text(xmp, "pdfaid:conformance"));
        }
    }

    private static String text(Document xmp, String tag) {
        return xmp.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    @Test
    void fontsAreEmbeddedSubsetsAndTheTextReadsAsInThePlainPdf() throws Exception {
        TargetDocument shanghai = TestDocuments.shanghaiExample();
        try (PdfText a = new PdfText(pdfa(shanghai).bytes());
             PdfText b = new PdfText(Examples.PERFDOC.render(shanghai, Format.PDF).bytes())) {
            assertEquals(b.all(), a.all());
            for (PDFont f : a.fonts()) {
                assertTrue(f.isEmbedded() && f.getName().matches("[A-Z]{6}\\+.+"), f.getName());
            }
        }
    }

    @Test
    void aStyleMayMakePdfAItsDefaultAndARunMaySayOtherwise() throws Exception {
        Path own = Files.createDirectories(dir.resolve("guangzhou"));
        Files.writeString(own.resolve("style.json"), Files.readString(Path.of("templates/guangzhou/style.json"))
                .replaceFirst("\\{", "{ \"pdfa\": true,"));
        Perfdoc archival = Perfdoc.withTemplates(dir);
        TargetDocument court = Examples.read(Examples.COURT).document();
        assertEquals("PDF/A-2u", archival.render(court, Format.PDF).conformance());
        assertEquals(null, archival.render(court, Format.PDF, new RenderOptions(false)).conformance());
        assertEquals(List.of(), VeraPdf.validate(archival.render(court, Format.PDF).bytes(), PDFAFlavour.PDFA_2_U)
                .failedRules().keySet().stream().toList());
    }
}
