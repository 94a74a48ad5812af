package org.perfdoc.docx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.perfdoc.Examples;
import org.perfdoc.OoxmlSchema;
import org.perfdoc.Perfdoc;
import org.perfdoc.Printed;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.render.Format;

/** The Word drafts, opened with POI and validated against the OOXML schemas. */
class DocxTest {
    static final List<String> EXAMPLES = List.of("guangzhou-intermediate-court.json",
            "guangzhou-justice-bureau-2023.json", "shanghai-first-intermediate-court-2020.json");

    static TargetDocument example(String file) {
        return Examples.read(Path.of("examples", file)).document();
    }

    static byte[] docx(TargetDocument doc) {
        return Examples.PERFDOC.render(doc, Format.DOCX).bytes();
    }

    static Map<String, byte[]> parts(byte[] docx) throws IOException {
        return OoxmlSchema.parts(docx);
    }

    static List<String> schemaErrors(byte[] docx) throws IOException, XmlException {
        return OoxmlSchema.errors(docx);
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json",
            "shanghai-first-intermediate-court-2020.json"})
    void everyPartValidatesAgainstTheOoxmlSchema(String file) throws Exception {
        assertEquals(List.of(), schemaErrors(docx(example(file))));
    }

    @Test
    void guangzhouIsALandscapeTableWithARepeatingHeaderAndEveryProjectInOrder() throws IOException {
        TargetDocument doc = example("guangzhou-intermediate-court.json");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx(doc)))) {
            CTSectPr sect = word.getDocument().getBody().getSectPr();
            assertEquals(STPageOrientation.LANDSCAPE, sect.getPgSz().getOrient());
            assertTrue(((BigDecimal.valueOf(((java.math.BigInteger) sect.getPgSz().getW()).longValue()))
                    .compareTo(BigDecimal.valueOf(((java.math.BigInteger) sect.getPgSz().getH()).longValue()))) > 0);
            assertEquals(1, word.getTables().size());
            XWPFTable table = word.getTables().get(0);
            assertEquals(List.of(2410, 1106, 1106, 1106, 1106, 3855, 5129), gridWidths(table));
            List<XWPFTableRow> rows = table.getRows();
            assertEquals(1 + 1 + doc.units().size() + doc.projects().size(), rows.size());
            assertTrue(rows.get(0).isRepeatHeader(), "header row repeats on every page");
            assertTrue(rows.stream().skip(1).noneMatch(XWPFTableRow::isRepeatHeader));
            // 财政专户拨款 breaks where its words do (a w:br, read back as a newline)
            assertEquals(List.of("项目名称（资金使用单位）", "总计", "财政拨款", "财政专户\n拨款", "其他资金", "绩效目标", "绩效指标"),
                    rows.get(0).getTableCells().stream().map(XWPFTableCell::getText).toList());
            assertEquals(List.of("合计", "10,842.54", "10,742.54", "", "100.00", "", ""), texts(rows.get(1)));
            int r = 2;
            for (Unit u : doc.units()) {
                assertEquals(u.name(), rows.get(r++).getCell(0).getText());
                for (Project p : u.projects()) {
                    XWPFTableRow row = rows.get(r++);
                    assertTrue(row.isCantSplitRow());
                    assertEquals(p.name(), row.getCell(0).getText());
                    assertEquals(Printed.money(p.amounts().total()), row.getCell(1).getText());
                    assertEquals("right", row.getCell(1).getParagraphs().get(0).getAlignment().name().toLowerCase());
                    assertEquals(p.goal(), row.getCell(5).getText());
                    List<String> lines = row.getCell(6).getParagraphs().stream().map(XWPFParagraph::getText).toList();
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < p.indicators().size(); i++) {
                        expected.add(Printed.line(i + 1, p.indicators().get(i), doc.indicatorFormat()));
                    }
                    assertEquals(expected, lines, "one paragraph per indicator line");
                }
            }
        }
    }

    @Test
    void shanghaiSheetsStartOnNewPagesAndMergeTheirLevelsVertically() throws IOException {
        TargetDocument doc = example("shanghai-first-intermediate-court-2020.json");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx(doc)))) {
            CTSectPr sect = word.getDocument().getBody().getSectPr();
            assertFalse(sect.getPgSz().isSetOrient() && sect.getPgSz().getOrient() == STPageOrientation.LANDSCAPE);
            List<XWPFParagraph> titles = word.getParagraphs().stream()
                    .filter(p -> p.getText().equals("财政项目支出绩效目标表")).toList();
            assertEquals(4, titles.size());
            // <w:pageBreakBefore/> without w:val means on (POI's isPageBreak() reads it as off).
            assertFalse(titles.get(0).getCTPPr().isSetPageBreakBefore());
            assertTrue(titles.stream().skip(1).allMatch(t -> t.getCTPPr().isSetPageBreakBefore()
                    && !t.getCTPPr().getPageBreakBefore().isSetVal()), "each sheet starts a page");

            List<XWPFTable> grids = word.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("一级目标")).toList();
            assertEquals(4, grids.size(), "a grid per project, not joined to the table before it");
            for (int i = 0; i < 4; i++) {
                Project p = doc.projects().get(i);
                XWPFTable grid = grids.get(i);
                assertTrue(grid.getRow(0).isRepeatHeader());
                List<Indicator> inds = p.indicatorsGrouped();
                assertEquals(inds.size() + 1, grid.getNumberOfRows());
                long blocks1 = GuangzhouPdfTestHelpers.runs(inds.stream().map(Indicator::level1).toList());
                long blocks2 = GuangzhouPdfTestHelpers.runs(inds.stream().map(x -> x.level1() + "/" + x.level2()).toList());
                assertEquals(blocks1, merges(grid, 0, STMerge.RESTART));
                assertEquals(inds.size() - blocks1, merges(grid, 0, STMerge.CONTINUE));
                assertEquals(blocks2, merges(grid, 1, STMerge.RESTART));
                assertEquals(inds.size() - blocks2, merges(grid, 1, STMerge.CONTINUE));
                for (int r = 0; r < inds.size(); r++) {
                    XWPFTableRow row = grid.getRow(r + 1);
                    assertEquals(inds.get(r).name(), row.getCell(2).getText());
                    assertEquals(inds.get(r).value(), row.getCell(3).getText());
                    for (XWPFTableCell c : row.getTableCells()) {
                        assertFalse(c.getParagraphs().isEmpty(), "every cell, merged or not, holds a paragraph");
                    }
                }
            }
        }
    }

    @Test
    void chineseFontsAreNamedTheWayWordAndWpsExpect() throws IOException {
        Map<String, byte[]> parts = parts(docx(example("guangzhou-intermediate-court.json")));
        String styles = new String(parts.get("word/styles.xml"), StandardCharsets.UTF_8);
        assertTrue(styles.contains("<w:rFonts w:ascii=\"宋体\" w:eastAsia=\"宋体\" w:hAnsi=\"宋体\" w:cs=\"宋体\" w:hint=\"eastAsia\"/>"));
        assertTrue(styles.contains("w:eastAsia=\"zh-CN\""));
        assertTrue(styles.contains("<w:snapToGrid w:val=\"0\"/>"), "no line grid snapping");
        String fonts = new String(parts.get("word/fontTable.xml"), StandardCharsets.UTF_8);
        assertTrue(fonts.contains("<w:font w:name=\"宋体\">\n    <w:altName w:val=\"SimSun\"/>"));
        assertTrue(fonts.contains("<w:font w:name=\"黑体\">\n    <w:altName w:val=\"SimHei\"/>"));
        String document = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
        assertTrue(document.contains("<w:docGrid w:type=\"default\""));
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx(example("guangzhou-intermediate-court.json"))))) {
            word.getTables().get(0).getRow(0).getTableCells().forEach(c -> c.getParagraphs().forEach(p -> p.getRuns()
                    .forEach(run -> assertEquals("黑体", run.getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia)))));
        }
        String footer = new String(parts.get("word/footer1.xml"), StandardCharsets.UTF_8);
        assertTrue(footer.contains("第 </w:t>") && footer.contains("w:instr=\" PAGE \"")
                && footer.contains("w:instr=\" NUMPAGES \""));
    }

    @Test
    void corePropertiesNameTheDocumentWithoutAClockTime() throws IOException {
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx(example("guangzhou-intermediate-court.json"))))) {
            var core = word.getProperties().getCoreProperties();
            assertEquals("广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）", core.getTitle());
            assertEquals("广东省广州市中级人民法院（本级）", core.getCreator());
            assertEquals(null, core.getCreated());
            assertEquals(Perfdoc.generator(), word.getProperties().getExtendedProperties().getApplication());
        }
    }

    @Test
    void hostileAndIllegalCharactersStillGiveAFileThatOpensAndValidates() throws Exception {
        String hostile = "<script>&amp;${x}<#list x as y>]]>\"'";
        String illegal = "甲\u0001乙\uFFFE丙\uD800丁";
        Project p = new Project(hostile + illegal, new Amounts(BigDecimal.ONE, null, null, null), hostile,
                List.of(new Indicator("产出指标", "数量指标", illegal, null, hostile)));
        TargetDocument doc = new TargetDocument("guangzhou", 2024, hostile, null, null, null, illegal,
                List.of(new Unit(hostile, List.of(p))));
        byte[] docx = docx(doc);
        assertEquals(List.of(), schemaErrors(docx));
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTableRow row = word.getTables().get(0).getRow(3);
            assertEquals(hostile + "甲乙丙丁", row.getCell(0).getText());
            assertEquals(hostile, row.getCell(5).getText());
            assertEquals("1、1-产出指标；11-数量指标；甲乙丙丁；年度指标值:" + hostile + "。", row.getCell(6).getText());
        }
    }

    @Test
    void twoRendersMoreThanTwoSecondsApartGiveTheSameBytes() throws InterruptedException {
        TargetDocument doc = example("shanghai-first-intermediate-court-2020.json");
        byte[] first = docx(doc);
        Thread.sleep(2100); // zip timestamps have 2 s resolution
        assertArrayEquals(first, docx(doc));
    }

    static List<Integer> gridWidths(XWPFTable table) {
        return table.getCTTbl().getTblGrid().getGridColList().stream()
                .map(c -> ((java.math.BigInteger) c.getW()).intValue()).toList();
    }

    static List<String> texts(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    static long merges(XWPFTable grid, int column, STMerge.Enum kind) {
        long n = 0;
        for (int r = 1; r < grid.getNumberOfRows(); r++) {
            CTTcPr pr = grid.getRow(r).getCell(column).getCTTc().getTcPr();
            if (pr != null && pr.isSetVMerge()) {
                STMerge.Enum val = pr.getVMerge().isSetVal() ? pr.getVMerge().getVal() : STMerge.CONTINUE;
                if (val == kind) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Small list helpers. */
    static final class GuangzhouPdfTestHelpers {
        /** Number of runs of equal consecutive values. */
        static long runs(List<String> xs) {
            long n = 0;
            for (int i = 0; i < xs.size(); i++) {
                if (i == 0 || !xs.get(i).equals(xs.get(i - 1))) {
                    n++;
                }
            }
            return n;
        }
    }
}
