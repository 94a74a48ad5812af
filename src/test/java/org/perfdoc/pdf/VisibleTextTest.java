package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.TestDocuments;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.render.Format;

/**
 * Every word of a PDF's text layer is where a reader sees it, once: inside the page's content area or
 * its footer. And the Shanghai grid's heading and header row never stand alone at a page foot.
 */
class VisibleTextTest {
    private static final Pattern FOOTER = Pattern.compile("第\\d+页共\\d+页");
    private static final String HEADER_ROW = "一级目标二级目标三级目标指标目标值";
    private static final float TOLERANCE = 0.5f;

    /** 40 sheets whose narratives grow by about a line each, so the grid starts at every height of a page. */
    static TargetDocument sweep;
    static byte[] sweepPdf;

    @BeforeAll
    static void renderSweep() {
        TargetDocument example = TestDocuments.shanghaiExample();
        String words = String.join("", example.projects().stream()
                .map(p -> p.overview() + p.basis() + p.necessity() + p.plan()).toList()).replace("\n", "");
        List<Indicator> targets = example.projects().get(0).indicators();
        List<Project> sheets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // 24 targets of the example's first sheet, in its 一级 blocks; the plan sweeps 40 × 56 characters
            String plan = words.substring(0, 60 + i * 56);
            sheets.add(new Project("测试项目" + (i + 1), null, "总目标。", targets.subList(0, Math.min(24, targets.size())),
                    "其他一次性项目", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), false, "其他类",
                    "概况。", "依据。", "必要性。", "措施。", plan,
                    new Budget(BigDecimal.valueOf(1000), BigDecimal.valueOf(1000), null, null)));
        }
        sweep = new TargetDocument("shanghai", 2021, "上海市测试单位", null, null, null, null,
                List.of(new Unit("上海市测试单位", sheets)));
        sweepPdf = Examples.PERFDOC.render(sweep, Format.PDF).bytes();
    }

    @ParameterizedTest
    @CsvSource({"guangzhou-intermediate-court.json, 12, 14, 9",
            "guangzhou-justice-bureau-2023.json, 12, 14, 9",
            "shanghai-first-intermediate-court-2020.json, 18, 18, 18"})
    void everyWordOfTheExamplesIsInsideTheContentAreaOrTheFooter(String file, float top, float bottom, float side)
            throws IOException {
        byte[] pdf = Examples.PERFDOC.render(Examples.read(Path.of("examples", file)).document(), Format.PDF).bytes();
        assertAllVisible(pdf, top, bottom, side);
    }

    @Test
    void everyWordOfFortyGeneratedSheetsIsVisibleAndEachTitleIsOnExactlyOnePage() throws IOException {
        assertAllVisible(sweepPdf, 18, 18, 18);
        try (PdfText pdf = new PdfText(sweepPdf)) {
            int titled = 0;
            for (int n = 1; n <= pdf.pages(); n++) {
                if (pdf.page(n).replaceAll("\\s", "").contains("财政项目支出绩效目标表")) {
                    titled++;
                }
            }
            assertEquals(40, titled, "pages that show a sheet title");
        }
    }

    @Test
    void theGridHeadingAndHeaderRowAreNeverLeftAloneAtAPageFoot() throws IOException {
        try (PdfText pdf = new PdfText(sweepPdf)) {
            int headerRows = 0;
            int moved = 0;
            for (int n = 1; n <= pdf.pages(); n++) {
                List<PdfText.Line> lines = body(pdf, n, 18);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).text().equals(HEADER_ROW)) {
                        headerRows++;
                        assertTrue(i + 1 < lines.size(), "page " + n + ": the header row is the page's last line");
                    }
                }
                String last = lines.get(lines.size() - 1).text();
                assertFalse(last.matches("\\d{4}年绩效目标"), "page " + n + " ends with the grid heading");
                if (lines.get(0).text().equals("2021年绩效目标")) {
                    moved++;
                }
            }
            assertTrue(headerRows >= 40, "header rows seen: " + headerRows);
            // the sweep does put grids at a page foot: some headings had to start the next page
            assertTrue(moved > 0, "no heading was moved to a new page: the sweep missed the page foot");
        }
    }

    /** Lines of page {@code n} above its footer. */
    private static List<PdfText.Line> body(PdfText pdf, int n, float bottomMm) throws IOException {
        float limit = pdf.pageSize(n)[1] - bottomMm * PdfText.MM;
        return pdf.lines(n).stream().filter(l -> l.baseline() <= limit + TOLERANCE).toList();
    }

    /** Each glyph lies in the page's content area (margins in mm) or is part of the footer line. */
    static void assertAllVisible(byte[] bytes, float topMm, float bottomMm, float sideMm) throws IOException {
        try (PdfText pdf = new PdfText(bytes)) {
            for (int n = 1; n <= pdf.pages(); n++) {
                float[] size = pdf.pageSize(n);
                float top = topMm * PdfText.MM - TOLERANCE;
                float bottom = size[1] - bottomMm * PdfText.MM + TOLERANCE;
                float left = sideMm * PdfText.MM - TOLERANCE;
                float right = size[0] - sideMm * PdfText.MM + TOLERANCE;
                for (PdfText.Line line : pdf.lines(n)) {
                    if (line.baseline() > bottom && FOOTER.matcher(line.text()).matches()) {
                        assertEquals("第" + n + "页共" + pdf.pages() + "页", line.text());
                        continue;
                    }
                    assertTrue(line.baseline() <= bottom && line.left() >= left && line.right() <= right,
                            "page " + n + ": \"" + line.text() + "\" at x " + line.left() + "–" + line.right()
                                    + ", baseline " + line.baseline() + " lies outside the content area");
                }
                for (PdfText.Glyph g : pdf.glyphs(n)) {
                    assertTrue(g.top() >= top || g.text().isBlank(), "page " + n + ": \"" + g.text()
                            + "\" above the content area (top " + g.top() + " < " + top + ")");
                }
            }
        }
    }
}
