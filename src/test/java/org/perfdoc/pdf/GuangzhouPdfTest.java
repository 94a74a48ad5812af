package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfdoc.TextAssertions.assertInOrder;
import static org.perfdoc.TextAssertions.assertInOrderExactlyOnce;
import static org.perfdoc.pdf.GuangzhouColumns.FISCAL;
import static org.perfdoc.pdf.GuangzhouColumns.GOAL;
import static org.perfdoc.pdf.GuangzhouColumns.INDICATORS;
import static org.perfdoc.pdf.GuangzhouColumns.NAME;
import static org.perfdoc.pdf.GuangzhouColumns.OTHER;
import static org.perfdoc.pdf.GuangzhouColumns.TOTAL;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Perfdoc;
import org.perfdoc.Printed;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;

/** The Guangzhou wide table, checked on the text PDFBox reads back from the PDF. */
class GuangzhouPdfTest {
    static TargetDocument example(String file) {
        ReadResult read = Examples.read(Path.of("examples", file));
        assertTrue(Examples.PERFDOC.validate(read).stream().noneMatch(p -> p.isError()),
                () -> Examples.PERFDOC.validate(read).toString());
        return read.document();
    }

    static byte[] pdf(TargetDocument doc) {
        return Examples.PERFDOC.render(doc, Format.PDF).bytes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json"})
    void everyProjectGoalAndIndicatorLineIsPrintedInOrderExactlyOnce(String file) throws IOException {
        TargetDocument doc = example(file);
        try (PdfText pdf = new PdfText(pdf(doc))) {
            List<String> names = new ArrayList<>(List.of("合计"));
            List<String> goals = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Unit u : doc.units()) {
                names.add(u.name());
                for (Project p : u.projects()) {
                    names.add(p.name());
                    goals.add(p.goal());
                    for (int i = 0; i < p.indicators().size(); i++) {
                        lines.add(Printed.line(i + 1, p.indicators().get(i), doc.indicatorFormat()));
                    }
                }
            }
            assertInOrderExactlyOnce(names, NAME.lines(pdf));
            assertInOrderExactlyOnce(goals, GOAL.lines(pdf));
            assertInOrderExactlyOnce(lines, INDICATORS.lines(pdf));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json"})
    void amountsArePrintedInOrderWithSeparators(String file) throws IOException {
        TargetDocument doc = example(file);
        try (PdfText pdf = new PdfText(pdf(doc))) {
            List<String> totals = new ArrayList<>(List.of(Printed.money(doc.totals().total())));
            List<String> fiscal = new ArrayList<>(List.of(Printed.money(doc.totals().fiscal())));
            for (Unit u : doc.units()) {
                totals.add(Printed.money(u.totals().total()));
                fiscal.add(Printed.money(u.totals().fiscal()));
                for (Project p : u.projects()) {
                    totals.add(Printed.money(p.amounts().total()));
                    fiscal.add(Printed.money(p.amounts().fiscal()));
                }
            }
            totals.removeIf(String::isEmpty);
            fiscal.removeIf(String::isEmpty);
            assertInOrder(totals, String.join("", TOTAL.lines(pdf)));
            assertInOrder(fiscal, String.join("", FISCAL.lines(pdf)));
        }
    }

    @Test
    void courtTableMatchesThePublishedTotals() throws IOException {
        try (PdfText pdf = new PdfText(pdf(example("guangzhou-intermediate-court.json")))) {
            List<String> total = TOTAL.lines(pdf);
            List<String> other = OTHER.lines(pdf);
            // The seed's 合计 row: 10,842.54 10,742.54 100.00
            assertEquals("10,842.54", total.get(1));
            assertEquals("10,742.54", FISCAL.lines(pdf).get(1));
            assertEquals("100.00", other.get(1));
        }
    }

    @Test
    void headerRowAndPageFooterAreOnEveryPage() throws IOException {
        TargetDocument doc = example("guangzhou-intermediate-court.json");
        try (PdfText pdf = new PdfText(pdf(doc))) {
            assertEquals(5, pdf.pages(), "the court table fills 5 landscape pages, as measured");
            // Column extraction fails on any page whose header row is missing.
            for (GuangzhouColumns c : List.of(NAME, TOTAL, FISCAL, OTHER, GOAL, INDICATORS)) {
                c.lines(pdf);
            }
            for (int n = 1; n <= pdf.pages(); n++) {
                String page = pdf.page(n);
                assertTrue(page.contains("项目名称（资金使用单位）"), "header on page " + n);
                assertTrue(page.contains("绩效目标") && page.contains("绩效指标"), "header on page " + n);
                assertTrue(page.contains("第 " + n + " 页 共 " + pdf.pages() + " 页"), "footer on page " + n);
            }
            assertTrue(pdf.page(1).contains("部门名称：广东省广州市中级人民法院（本级）"));
            assertTrue(pdf.page(1).contains("单位：万元"));
            assertTrue(pdf.page(1).contains("项目支出绩效目标表（含转移支付项目）"));
        }
    }

    @Test
    void theSpecialAccountHeaderBreaksWhereItsWordsBreak() throws IOException {
        try (PdfText pdf = new PdfText(pdf(example("guangzhou-intermediate-court.json")))) {
            for (int n = 1; n <= pdf.pages(); n++) {
                // the header cell of 财政专户拨款: x 90.5–110 mm, the first lines of the column on the page
                List<String> inColumn = new ArrayList<>();
                for (PdfText.Line l : pdf.lines(n)) {
                    if (l.left() >= 90.5 * PdfText.MM && l.right() <= 110 * PdfText.MM + 1) {
                        inColumn.add(l.text());
                    }
                }
                assertEquals(List.of("财政专户", "拨款"), inColumn.subList(0, 2), "page " + n + ": " + inColumn);
            }
        }
    }

    @Test
    void justiceBureauTableHasItsTitleAndFootnote() throws IOException {
        try (PdfText pdf = new PdfText(pdf(example("guangzhou-justice-bureau-2023.json")))) {
            assertTrue(pdf.page(1).contains("广州市司法局（本级）2023年项目支出绩效目标表（含转移支付项目）"));
            assertTrue(pdf.page(pdf.pages()).contains("注：不含保密项目。"));
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws IOException {
        for (Path file : List.of(Examples.COURT, Examples.JUSTICE)) {
            try (PdfText pdf = new PdfText(pdf(Examples.read(file).document()))) {
                List<PDFont> fonts = pdf.fonts();
                assertTrue(fonts.size() >= 2);
                for (PDFont f : fonts) {
                    assertTrue(f.getName().matches("[A-Z]{6}\\+.+"), f.getName() + " is not a subset");
                    assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
                }
            }
        }
    }

    @Test
    void metadataNamesTheDocumentAndPerfdoc() throws IOException {
        try (PdfText pdf = new PdfText(pdf(example("guangzhou-intermediate-court.json")))) {
            var info = pdf.document().getDocumentInformation();
            assertEquals("广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）", info.getTitle());
            assertEquals("广东省广州市中级人民法院（本级）", info.getAuthor());
            assertEquals(Perfdoc.generator(), info.getCreator());
            assertEquals(Perfdoc.generator(), info.getProducer());
            assertEquals(null, info.getCreationDate(), "no clock time in the file");
            assertEquals("zh-CN", pdf.document().getDocumentCatalog().getLanguage());
            assertEquals(1.7f, pdf.document().getVersion());
        }
    }

    @Test
    void sameInputGivesTheSameBytes() {
        TargetDocument doc = example("guangzhou-intermediate-court.json");
        byte[] first = pdf(doc);
        byte[] second = pdf(doc);
        assertArrayEquals(first, second);
    }

    @Test
    void subtotalsAreSummedFromUnroundedAmountsAndRoundedHalfUp() throws IOException {
        // Three projects of 0.005: each cell rounds half-up to 0.01, the sum 0.015 to 0.02 (not 0.03).
        Amounts a = new Amounts(new BigDecimal("0.005"), null, null, null);
        Indicator ind = new Indicator("产出指标", "数量指标", "数量", null, "1");
        List<Project> projects = List.of(new Project("甲", a, "目标", List.of(ind)),
                new Project("乙", a, "目标", List.of(ind)), new Project("丙", a, "目标", List.of(ind)));
        Unit second = new Unit("第二单位", List.of(new Project("丁", new Amounts(new BigDecimal("1234567.125"),
                BigDecimal.ZERO, new BigDecimal("0.004"), null), "目标", List.of(ind))));
        TargetDocument doc = new TargetDocument("guangzhou", 2024, "测试部门", null, null, null, null,
                List.of(new Unit("第一单位", projects), second));
        try (PdfText pdf = new PdfText(pdf(doc))) {
            List<String> total = TOTAL.lines(pdf);
            // header, 合计, unit 1, 3 projects, unit 2, its project
            assertEquals(List.of("1,234,567.14", "0.02", "0.01", "0.01", "0.01", "1,234,567.13", "1,234,567.13"),
                    total);
            // 0.004 is not zero, so it prints, rounded: 0.00 in 合计, unit and project rows.
            assertEquals(List.of("0.00", "0.00", "0.00"), OTHER.lines(pdf));
        }
    }

    @Test
    void hostileTextIsPrintedLiterally() throws IOException {
        List<String> hostile = List.of("<script>alert(1)</script>", "&amp;", "${x}", "<#list x as y>", "]]>",
                "<b>&</b>", "\"'");
        List<Indicator> inds = new ArrayList<>();
        for (String h : hostile) {
            inds.add(new Indicator("产出指标", "数量指标", h, null, h));
        }
        Project p = new Project(String.join("", hostile), new Amounts(BigDecimal.ONE, null, null, null),
                String.join("", hostile), inds);
        TargetDocument doc = new TargetDocument("guangzhou", 2024, "部门<i>", null, null, null, "注：${x}&lt;",
                List.of(new Unit("单位&", List.of(p))));
        try (PdfText pdf = new PdfText(pdf(doc))) {
            String text = pdf.all().replaceAll("\\s", "");
            for (String h : hostile) {
                assertTrue(text.contains(h.replaceAll("\\s", "")), h);
            }
            assertTrue(text.contains("部门名称：部门<i>"));
            assertTrue(text.contains("注：${x}&lt;"));
            assertTrue(text.contains("单位&"));
        }
    }

    /**
     * A cell keeps its lines with white-space: pre-line, as one paragraph per goal paragraph or
     * indicator. So a CR/LF between goal paragraphs is one paragraph break (the CR no extra line, an
     * empty paragraph no empty line), and a line break inside an indicator (Alt+Enter in an Excel cell)
     * prints as the space an ordinary paragraph makes of it: the same text, line for line.
     */
    @Test
    void lineBreaksInFieldsPrintAsOrdinaryParagraphsWould() throws IOException {
        String json = java.nio.file.Files.readString(Examples.COURT);
        String goal = "通过开展该项目，委托第三方机构开展诉讼信息咨询服务及后勤服务，提高12368话务人员及后勤人员服务管理水平，为审判执行工作做好保障。";
        String indicator = "外包人员数量";
        assertTrue(json.contains(goal) && json.contains("\"" + indicator + "\""), "the court example changed");
        String broken = json.replace(goal, goal.substring(0, 20) + "\\r\\n" + goal.substring(20) + "\\r\\n\\r\\n第二段")
                .replace("\"" + indicator + "\"", "\"外包人员\\n数量\"");
        String spaced = json.replace(goal, goal.substring(0, 20) + "\\n" + goal.substring(20) + "\\n第二段")
                .replace("\"" + indicator + "\"", "\"外包人员 数量\"");
        try (PdfText a = new PdfText(pdf(Examples.PERFDOC.read("broken.json", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)).document()));
             PdfText b = new PdfText(pdf(Examples.PERFDOC.read("spaced.json", spaced.getBytes(java.nio.charset.StandardCharsets.UTF_8)).document()))) {
            assertEquals(b.pages(), a.pages());
            assertEquals(b.all(), a.all());
            assertTrue(a.all().contains("第二段"), a.all());
        }
    }
}
