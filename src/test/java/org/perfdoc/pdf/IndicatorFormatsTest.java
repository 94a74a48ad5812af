package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfdoc.TextAssertions.assertInOrderExactlyOnce;
import static org.perfdoc.pdf.GuangzhouColumns.INDICATORS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Printed;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;

/**
 * The two run-on formats other Guangzhou departments publish, declared in style data only: coded lines
 * run on in one paragraph (荔湾区人民检察院), and numbers and codes joined by dashes with full-width colons
 * (广州互联网法院). Both in the PDF and the Word draft, keeping the line-breaking rules.
 */
class IndicatorFormatsTest {
    static TargetDocument court(String format) {
        TargetDocument d = Examples.read(Examples.COURT).document();
        return new TargetDocument(d.style(), d.year(), d.department(), d.title(), d.amountUnit(), format, d.note(),
                d.units());
    }

    /** Each project's indicator cell as the format prints it, from the test's own wording. */
    static List<String> cells(TargetDocument doc, BiFunction<Integer, Indicator, String> line) {
        List<String> cells = new ArrayList<>();
        for (Project p : doc.projects()) {
            StringBuilder cell = new StringBuilder();
            for (int i = 0; i < p.indicators().size(); i++) {
                cell.append(line.apply(i + 1, p.indicators().get(i)));
            }
            cells.add(cell.toString());
        }
        return cells;
    }

    static List<String> expected(String format, TargetDocument doc) {
        return format.equals("dashed") ? cells(doc, Printed::dashed) : cells(doc, (n, i) -> Printed.line(n, i, "coded"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"coded-inline", "dashed"})
    void eachProjectsIndicatorsRunOnInOneParagraphOfThePdf(String format) throws IOException {
        TargetDocument doc = court(format);
        try (PdfText pdf = new PdfText(Examples.PERFDOC.render(doc, Format.PDF).bytes())) {
            List<String> lines = INDICATORS.lines(pdf);
            assertInOrderExactlyOnce(expected(format, doc), lines);
            // run on: the next indicator's number follows the full stop on the same line
            String next = format.equals("dashed") ? "。2-" : "。2、";
            assertTrue(lines.stream().anyMatch(l -> l.contains(next)), "no line runs on: " + lines);
            for (String l : lines) {
                assertFalse("。，、；：）".indexOf(l.charAt(0)) >= 0, "a line starts with closing punctuation: " + l);
                assertFalse(l.endsWith("值:"), "值:100% was broken after its colon: " + l);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coded-inline", "dashed"})
    void theWordDraftHasOneParagraphPerIndicatorCell(String format) throws IOException {
        TargetDocument doc = court(format);
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(
                Examples.PERFDOC.render(doc, Format.DOCX).bytes()))) {
            List<XWPFTableRow> rows = word.getTables().get(0).getRows();
            List<String> cells = new ArrayList<>();
            for (XWPFTableRow row : rows.subList(2, rows.size())) {
                List<XWPFParagraph> paragraphs = row.getCell(6).getParagraphs();
                String text = paragraphs.get(0).getText();
                if (!text.isEmpty()) {
                    assertEquals(1, paragraphs.size(), "one run-on paragraph: " + text);
                    cells.add(text);
                }
            }
            assertEquals(expected(format, doc), cells);
        }
    }
}
