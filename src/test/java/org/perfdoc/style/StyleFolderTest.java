package org.perfdoc.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;

/**
 * A new regional style is a folder: a copy of {@code guangzhou} under another name, with a renamed
 * column header, its own title, its own word for a field and a third indicator format written only in
 * FreeMarker, renders with {@code --templates}, PDF and Word, without any Java.
 */
class StyleFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** templates/tianhe: the bundled guangzhou folder, changed as a district would change it. */
    Path tianhe() throws IOException {
        Path bundled = Path.of("templates/guangzhou");
        Path own = Files.createDirectories(dir.resolve("tpl/tianhe"));
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f)
                        .replace("项目名称（资金使用单位）", "项目（单位）")
                        .replace("guangzhou/document", "tianhe/document");
                Files.writeString(own.resolve(f.getFileName().toString()), text);
            }
        }
        Files.writeString(own.resolve("lines.ftl"), Files.readString(own.resolve("lines.ftl")) + """

                <#-- 第1项/产出指标/外包人员数量=15 -->
                <#function slashed n i codes>
                  <#return "第" + n + "项/" + i.level1 + "/" + i.name + "=" + i.value>
                </#function>
                """);
        ObjectNode style = (ObjectNode) JSON.readTree(own.resolve("style.json").toFile());
        ((ObjectNode) style.get("defaults")).put("title", "天河区项目绩效目标表");
        ((ObjectNode) style.get("defaults")).put("indicatorFormat", "slashed");
        ((ObjectNode) style.get("indicatorFormats")).set("slashed", JSON.readTree("""
                { "description": "第1项/产出指标/外包人员数量=15", "line": "slashed",
                  "level2": "optional", "periodValue": "unused" }"""));
        style.set("terms", JSON.readTree("{ \"value\": \"目标值\" }"));
        JSON.writeValue(own.resolve("style.json").toFile(), style);
        return own;
    }

    /** The court example as a tianhe document, without period values (the new format prints none). */
    Path document() throws IOException {
        TargetDocument court = Examples.read(Examples.COURT).document();
        ObjectNode json = (ObjectNode) JSON.readTree(Examples.COURT.toFile());
        json.put("style", "tianhe");
        json.remove("title");
        json.remove("indicatorFormat"); // the style's default, slashed, applies
        json.findParents("periodValue").forEach(p -> ((ObjectNode) p).remove("periodValue"));
        Path file = dir.resolve("tianhe.json");
        JSON.writeValue(file.toFile(), json);
        assertTrue(court.projects().size() > 5);
        return file;
    }

    @Test
    void aCopiedFolderWithAnotherHeaderTitleAndLineFormatRendersWithoutJava() throws IOException {
        tianhe();
        Path input = document();
        Cli.Run run = Cli.run("render", input.toString(), "--templates", dir.resolve("tpl").toString(),
                "--format", "pdf,docx", "-o", dir.resolve("out").toString());
        assertEquals(0, run.code(), run.err());

        TargetDocument court = Examples.read(Examples.COURT).document();
        Project first = court.projects().get(0);
        Indicator i = first.indicators().get(0);
        String line = "第1项/" + i.level1() + "/" + i.name() + "=" + i.value();
        try (PdfText pdf = new PdfText(Files.readAllBytes(dir.resolve("out/tianhe.pdf")))) {
            String page1 = pdf.page(1).replaceAll("\\s", "");
            assertTrue(page1.contains("天河区项目绩效目标表"), page1);
            assertTrue(page1.contains("项目（单位）"), page1);
            assertFalse(page1.contains("项目名称（资金使用单位）"), page1);
            // the indicator column: 197.5–288 mm from the page's left edge, as in the bundled table
            String column = String.join("", pdf.columnLines(197.5, 288, "绩效指标", 14));
            assertTrue(column.startsWith(line), line + " starts " + column);
        }
        try (XWPFDocument word = new XWPFDocument(Files.newInputStream(dir.resolve("out/tianhe.docx")));
             XWPFWordExtractor text = new XWPFWordExtractor(word)) {
            String all = text.getText();
            assertTrue(all.contains("天河区项目绩效目标表"), all);
            assertTrue(all.contains("项目（单位）"), all);
            assertTrue(all.contains(line), all);
        }
    }

    @Test
    void theNewFormatsNeedsAndTheStylesWordsApplyToValidation() throws IOException {
        tianhe();
        Path input = document();
        ObjectNode json = (ObjectNode) JSON.readTree(input.toFile());
        ObjectNode indicator = (ObjectNode) json.get("units").get(0).get("projects").get(0).get("indicators").get(0);
        indicator.put("value", "");
        indicator.put("periodValue", "45");
        JSON.writeValue(input.toFile(), json);
        Cli.Run run = Cli.run("validate", input.toString(), "--templates", dir.resolve("tpl").toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("目标值不能为空"), run.err());
        assertTrue(run.err().contains("指标格式 \"slashed\" 不打印实施周期指标值，写了也会丢失；请删去，或改用指标格式 coded、plain、coded-inline、dashed"),
                run.err());
    }

    @Test
    void stylesListsTheFoldersStyleAndFormats() throws IOException {
        tianhe();
        Cli.Run run = Cli.run("styles", "--templates", dir.resolve("tpl").toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("  indicatorFormat \"slashed\"（默认）  第1项/产出指标/外包人员数量=15"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tianhe  ")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("shanghai  ")), run.out());
        assertTrue(lines.contains("  indicatorFormat \"dashed\"  " + Examples.PERFDOC.styles().get(0)
                .indicatorFormats().get("dashed").description()), run.out());
    }
}
