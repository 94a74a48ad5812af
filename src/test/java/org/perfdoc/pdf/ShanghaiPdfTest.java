package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfdoc.TextAssertions.assertInOrder;
import static org.perfdoc.TextAssertions.assertInOrderExactlyOnce;
import static org.perfdoc.TextAssertions.collapse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Printed;
import org.perfdoc.TestDocuments;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.render.Format;

/** The Shanghai per-project sheet, checked on the text PDFBox reads back. */
class ShanghaiPdfTest {
    static final Path EXAMPLE = Path.of("examples/shanghai-first-intermediate-court-2020.json");
    // Grid columns in mm from the left page edge: 18 mm margin, 174 mm split 17/15/48/20 %.
    static final double[] L1 = {18, 47.5}, L2 = {47.6, 73.6}, NAME = {73.7, 157.1}, VALUE = {157.2, 192};

    static TargetDocument example() {
        return TestDocuments.shanghaiExample();
    }

    static byte[] pdf(TargetDocument doc) {
        return Examples.PERFDOC.render(doc, Format.PDF).bytes();
    }

    static List<String> column(PdfText pdf, double[] x, String header, int first, int last) throws IOException {
        return pdf.columnLines(x[0], x[1], header, 18, first, last, false);
    }

    /** 1-based page where each project's sheet starts, found from the PDF text. */
    static List<Integer> startPages(PdfText pdf, List<Project> projects) throws IOException {
        List<Integer> starts = new ArrayList<>();
        int page = 1;
        for (Project p : projects) {
            while (!pdf.page(page).replaceAll("\\s", "").contains("项目名称：" + p.name() + "项目类别：")) {
                page++;
            }
            starts.add(page);
        }
        return starts;
    }

    @Test
    void everyFieldParagraphAndGridRowIsPrintedInTheSeedsOrder() throws IOException {
        TargetDocument doc = example();
        List<Project> projects = doc.projects();
        assertEquals(4, projects.size());
        try (PdfText pdf = new PdfText(pdf(doc))) {
            List<Integer> starts = startPages(pdf, projects);
            for (int i = 0; i < projects.size(); i++) {
                Project p = projects.get(i);
                int first = starts.get(i);
                int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : pdf.pages();
                StringBuilder text = new StringBuilder();
                for (int n = first; n <= last; n++) {
                    text.append(pdf.page(n));
                }
                assertTrue(pdf.page(first).strip().startsWith("财政项目支出绩效目标表"), "sheet starts page " + first);
                List<String> expected = new ArrayList<>(List.of("财政项目支出绩效目标表", "（2020年度）",
                        "申报单位名称：上海市第一中级人民法院", "项目名称：" + p.name(), "项目类别：" + p.category(),
                        "计划开始日期：" + p.startDate(), "计划完成日期：" + p.endDate(),
                        "是否含有政府购买服务：" + (p.governmentPurchase() ? "是" : "否"),
                        "绩效类型：" + p.performanceType()));
                String[][] sections = {{"项目概况：", p.overview()}, {"立项依据：", p.basis()},
                        {"项目设立的必要性：", p.necessity()}, {"保证项目实施的制度、措施：", p.safeguards()},
                        {"项目实施计划：", p.plan()}, {"总目标及阶段性目标：", p.goal()}};
                for (String[] s : sections) {
                    expected.add(s[0]);
                    expected.addAll(List.of(s[1].split("\n")));
                }
                Budget b = p.budget();
                expected.addAll(List.of("本项目上年度市级财政资金使用情况",
                        "项目总预算（元）：" + Printed.yuan(b.total()), "项目当年预算（元）：" + Printed.yuan(b.current()),
                        "同名项目上年预算额（元）：" + Printed.yuan(b.priorYearBudget()),
                        "同名项目上年预算执行数（元）：" + Printed.yuan(b.priorYearExecuted()),
                        "2020年绩效目标", "一级目标", "二级目标", "三级目标", "指标目标值"));
                assertInOrder(expected, text.toString());

                List<Indicator> inds = p.indicators();
                assertInOrderExactlyOnce(inds.stream().map(Indicator::name).toList(),
                        column(pdf, NAME, "三级目标", first, last));
                assertInOrder(inds.stream().map(Indicator::value).toList(),
                        String.join("", column(pdf, VALUE, "指标目标值", first, last)));
                assertEquals(collapse(inds.stream().map(Indicator::level1).toList()),
                        collapse(column(pdf, L1, "一级目标", first, last)));
                assertEquals(collapse(inds.stream().map(Indicator::level2).toList()),
                        collapse(column(pdf, L2, "二级目标", first, last)));
            }
        }
    }

    @Test
    void eachProjectHasABookmarkPointingAtItsFirstPage() throws IOException {
        TargetDocument doc = example();
        try (PdfText pdf = new PdfText(pdf(doc))) {
            List<Integer> starts = startPages(pdf, doc.projects());
            List<String> titles = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            for (PDOutlineItem item : pdf.document().getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                pages.add(pdf.document().getPages().indexOf(item.findDestinationPage(pdf.document())) + 1);
            }
            assertEquals(doc.projects().stream().map(Project::name).toList(), titles);
            assertEquals(starts, pages);
        }
    }

    @Test
    void aGridTallerThanAPageRepeatsItsHeaderAndLabelsOnEveryPage() throws IOException {
        List<Indicator> inds = new ArrayList<>();
        inds.add(new Indicator("投入与管理", "投入管理", "预算执行率", null, "=100%"));
        for (int i = 1; i <= 60; i++) {
            inds.add(new Indicator("产出目标", "数量", "第" + i + "项产出指标完成率", null, ">=" + i + "%"));
        }
        inds.add(new Indicator("效果目标", "满意度", "办案人员满意度", null, ">=90%"));
        TargetDocument doc = new TargetDocument("shanghai", 2020, "测试单位", null, null, null, null,
                List.of(new Unit("测试单位", List.of(TestDocuments.shanghaiSheet("超长项目", inds)))));
        try (PdfText pdf = new PdfText(pdf(doc))) {
            int gridPages = 0;
            for (int n = 1; n <= pdf.pages(); n++) {
                List<String> names = column(pdf, NAME, "三级目标", n, n);
                if (names.isEmpty()) {
                    continue;
                }
                gridPages++;
                String l1 = String.join("", column(pdf, L1, "一级目标", n, n));
                String l2 = String.join("", column(pdf, L2, "二级目标", n, n));
                if (names.stream().anyMatch(s -> s.contains("项产出指标完成率"))) {
                    assertTrue(l1.contains("产出目标"), "一级 label on page " + n + ": " + l1);
                    assertTrue(l2.contains("数量"), "二级 label on page " + n + ": " + l2);
                }
            }
            assertTrue(gridPages >= 3, "the grid spans pages: " + gridPages);
            assertInOrderExactlyOnce(inds.stream().map(Indicator::name).toList(),
                    column(pdf, NAME, "三级目标", 1, pdf.pages()));
            assertInOrder(inds.stream().map(Indicator::value).toList(),
                    String.join("", column(pdf, VALUE, "指标目标值", 1, pdf.pages())));
        }
    }

    @Test
    void nonContiguousIndicatorsAreGroupedStablyBeforeRendering() throws IOException {
        List<Indicator> inds = List.of(
                new Indicator("产出目标", "数量", "甲", null, "1"),
                new Indicator("产出目标", "质量", "乙", null, "2"),
                new Indicator("产出目标", "数量", "丙", null, "3"),
                new Indicator("效果目标", "满意度", "丁", null, "4"),
                new Indicator("产出目标", "时效", "戊", null, "5"));
        TargetDocument doc = new TargetDocument("shanghai", 2020, "测试单位", null, null, null, null,
                List.of(new Unit("测试单位", List.of(TestDocuments.shanghaiSheet("分组项目", inds)))));
        try (PdfText pdf = new PdfText(pdf(doc))) {
            assertEquals(List.of("甲", "丙", "乙", "戊", "丁"), column(pdf, NAME, "三级目标", 1, pdf.pages()));
            assertEquals(List.of("数量", "质量", "时效", "满意度"), column(pdf, L2, "二级目标", 1, pdf.pages()));
        }
    }

    @Test
    void sameInputGivesTheSameBytesAndEveryFontIsAnEmbeddedSubset() throws IOException {
        TargetDocument doc = example();
        byte[] first = pdf(doc);
        assertArrayEquals(first, pdf(doc));
        try (PdfText pdf = new PdfText(first)) {
            for (PDFont f : pdf.fonts()) {
                assertTrue(f.getName().matches("[A-Z]{6}\\+.+"), f.getName());
                assertTrue(f.isEmbedded(), f.getName());
            }
        }
    }
}
