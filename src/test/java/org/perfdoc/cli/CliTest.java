package org.perfdoc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Cli.Run;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void renderWritesOnePdfPerInputNamedAfterIt() throws IOException {
        Run r = Cli.run("render", Examples.COURT.toString(), Examples.JUSTICE.toString(), "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        Path court = dir.resolve("guangzhou-intermediate-court.pdf");
        assertTrue(r.out().contains(court + "（5 页）"), r.out());
        try (PdfText pdf = new PdfText(Files.readAllBytes(court))) {
            assertEquals(5, pdf.pages());
        }
        assertTrue(Files.exists(dir.resolve("guangzhou-justice-bureau-2023.pdf")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void anInvalidFileIsReportedWithExitCode2AndTheOthersAreStillWritten() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"style\": \"guangzhou\", \"year\": 2024 }", StandardCharsets.UTF_8);
        Run r = Cli.run("render", bad.toString(), Examples.COURT.toString(), "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":1:1: 错误: $.department: 缺少必填字段 \"department\"（部门名称）"), r.err());
        assertTrue(r.err().contains(bad + "：2 个错误，未生成文件"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.pdf")));
        assertTrue(Files.exists(dir.resolve("guangzhou-intermediate-court.pdf")));
        assertFalse(r.err().contains("Exception"), "no stack trace without --verbose");
    }

    @Test
    void htmlPreviewLinksTheBundledFonts() throws IOException {
        Run r = Cli.run("render", Examples.COURT.toString(), "--format", "html", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("guangzhou-intermediate-court.html"));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"perfdoc-fonts.css\"/>"));
        String css = Files.readString(dir.resolve("perfdoc-fonts.css"));
        assertTrue(css.contains("font-family: \"宋体\"; src: url(\"fonts/uming.ttc\")"), css);
        assertTrue(Files.size(dir.resolve("fonts/uming.ttc")) > 1_000_000);
    }

    @Test
    void pdfAndDocxTogether() throws IOException {
        Run r = Cli.run("render", Examples.COURT.toString(), "--format", "pdf,docx", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("guangzhou-intermediate-court.docx"), r.out());
        try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                Files.newInputStream(dir.resolve("guangzhou-intermediate-court.docx")))) {
            assertEquals(1, word.getTables().size());
        }
        assertTrue(Files.exists(dir.resolve("guangzhou-intermediate-court.pdf")));
    }

    @Test
    void unknownFormatIsRefused() {
        Run r = Cli.run("render", Examples.COURT.toString(), "--format", "odt");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown format 'odt' (pdf, docx, html, xlsx, json)"), r.err());
    }

    @Test
    void pdfAndHtmlTogether() {
        Run r = Cli.run("render", Examples.COURT.toString(), "--format", "pdf,html", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("guangzhou-intermediate-court.pdf")));
        assertTrue(Files.exists(dir.resolve("guangzhou-intermediate-court.html")));
    }

    @Test
    void validateWritesNothingAndSaysWhichFilesPass() {
        Run r = Cli.run("validate", Examples.COURT.toString(), Examples.JUSTICE.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Examples.COURT + "：通过" + System.lineSeparator() + Examples.JUSTICE + "：通过"
                + System.lineSeparator(), r.out());
    }

    @Test
    void validateOfAnInvalidFileExitsWith2() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{", StandardCharsets.UTF_8);
        Run r = Cli.run("validate", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bad + ":1:2: 错误: $: JSON 语法错误：文件在中途结束"), r.err());
    }

    @Test
    void aMissingFileIsAnInputError() {
        Run r = Cli.run("validate", dir.resolve("nope.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("无法读取文件"), r.err());
    }

    @Test
    void schemaPrintsTheJsonSchema() {
        Run r = Cli.run("schema");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("{"));
        assertTrue(r.out().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
    }

    @Test
    void helpAndVersion() {
        Run help = Cli.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("render") && help.out().contains("validate") && help.out().contains("schema"));
        assertTrue(Cli.run("render", "--help").out().contains("--templates"));
        Run version = Cli.run("--version");
        assertTrue(version.out().startsWith("perfdoc "), version.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = Cli.run("render", "--nope", Examples.COURT.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Unknown option: '--nope'"), r.err());
    }

    @Test
    void templatesOverrideTheBundledOnesFileByFile() throws IOException {
        Path own = dir.resolve("tpl/guangzhou");
        Files.createDirectories(own);
        String bundled = Files.readString(Path.of("templates/guangzhou/document.xhtml.ftl"));
        Files.writeString(own.resolve("document.xhtml.ftl"), bundled.replace("部门名称：", "编制部门："));
        Run r = Cli.run("render", Examples.COURT.toString(), "--templates", dir.resolve("tpl").toString(),
                "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        try (PdfText pdf = new PdfText(Files.readAllBytes(dir.resolve("guangzhou-intermediate-court.pdf")))) {
            assertTrue(pdf.page(1).contains("编制部门：广东省广州市中级人民法院（本级）"));
        }
    }

    @Test
    void aBrokenTemplateIsExitCode1WithAMessageNotAStackTrace() throws IOException {
        Path own = dir.resolve("tpl/guangzhou");
        Files.createDirectories(own);
        Files.writeString(own.resolve("document.xhtml.ftl"), "<html>${nosuchvariable}</html>");
        Run r = Cli.run("render", Examples.COURT.toString(), "--templates", dir.resolve("tpl").toString(),
                "-o", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("perfdoc: 模板 guangzhou/document.xhtml.ftl 出错："), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("guangzhou-intermediate-court.pdf")));
    }

    @Test
    void renderingTheSameFileTwiceGivesTheSameBytes() throws IOException {
        Cli.run("render", Examples.COURT.toString(), "-o", dir.resolve("a").toString());
        Cli.run("render", Examples.COURT.toString(), "-o", dir.resolve("b").toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/guangzhou-intermediate-court.pdf")),
                Files.readAllBytes(dir.resolve("b/guangzhou-intermediate-court.pdf")));
    }

    @Test
    void anInputIsNeverOverwrittenAndAFileInPlaceOfTheOutputFolderIsAClearError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("out"), "not a folder");
        Run r = Cli.run("render", Examples.COURT.toString(), "-o", blocker.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("perfdoc: 无法写入 "), r.err());
        assertFalse(r.err().contains("\tat "));
        assertEquals("not a folder", Files.readString(blocker));
    }

    @Test
    void pdfaWritesArchivalPdfAndSaysSo() throws IOException {
        Run r = Cli.run("render", Examples.COURT.toString(), "--pdfa", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("guangzhou-intermediate-court.pdf（5 页，PDF/A-2u）"), r.out());
        String pdf = new String(Files.readAllBytes(dir.resolve("guangzhou-intermediate-court.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.contains("<pdfaid:part>2</pdfaid:part>") && pdf.contains("GTS_PDFA1"), "XMP and output intent");
        Run plain = Cli.run("render", Examples.COURT.toString(), "--no-pdfa", "-o", dir.toString());
        assertTrue(plain.out().contains("guangzhou-intermediate-court.pdf（5 页）"), plain.out());
    }
}
