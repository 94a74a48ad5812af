package org.perfdoc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.perfdoc.Examples;
import org.perfdoc.OoxmlSchema;
import org.perfdoc.PdfText;
import org.perfdoc.TestDocuments;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import org.perfdoc.render.LaidOutText;

/**
 * A model built from fuzz data (Chinese and Latin text, surrogate pairs, combining marks, RTL and
 * zero-width characters, huge and tiny amounts, empty and long texts, many indicators) → validation
 * → PDF and DOCX. Guarantee 1: what validation accepts renders, the PDF loads, the DOCX opens and
 * every part validates against the OOXML schema; what it refuses is refused, never a crash. And
 * nothing printed is lost: every character of every cell and paragraph is in the PDF's text layer,
 * in order, inside its box ({@link LaidOutText}).
 */
class RenderFuzzTest {
    /** Characters every bundled font has: documents made of these get past validation and render. */
    private static final String SAFE = "产出指标数量质量时效成本效益满意度项目经费法院司法局广州上海审判执行信息化建设运维"
            + "，。、；：“”（）《》〔〕【】—…≥≤＞＜%=<>&'\"$#{}[]/\\0123456789abcXYZ ¥·\n\t";
    /** Combining marks, zero-width and RTL characters, other scripts, surrogate pairs. */
    private static final String EXOTIC = "\u0301\u0308\u200B\u200D\u202E\u05D0\u0627\uD840\uDC00\uD83D\uDE00";

    @FuzzTest(maxDuration = "60m")
    void renderWhatValidates(FuzzedDataProvider data) throws Exception {
        boolean shanghai = data.consumeBoolean();
        TargetDocument doc = document(data, shanghai);
        ReadResult read = TestDocuments.asRead("fuzz", doc);
        if (Examples.PERFDOC.validate(read).stream().anyMatch(p -> p.isError())) {
            return; // refused with messages: that is one of the two allowed outcomes
        }
        byte[] pdf = Examples.PERFDOC.render(doc, Format.PDF).bytes();
        try (PdfText text = new PdfText(pdf)) {
            assertTrue(text.pages() >= 1);
            text.all();
        }
        // nothing printed is lost: every block's text is drawn, in order, inside its box
        assertEquals(List.of(), LaidOutText.losses(doc));
        byte[] docx = Examples.PERFDOC.render(doc, Format.DOCX).bytes();
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertTrue(word.getBodyElements().size() > 0);
        }
        assertEquals(List.of(), OoxmlSchema.errors(docx));
    }

    /** Per document: whether texts may hold exotic and arbitrary characters (most then fail validation). */
    private static boolean exotic;

    static TargetDocument document(FuzzedDataProvider data, boolean shanghai) {
        exotic = data.consumeBoolean();
        List<Unit> units = new ArrayList<>();
        int unitCount = data.consumeInt(1, 3);
        for (int u = 0; u < unitCount; u++) {
            List<Project> projects = new ArrayList<>();
            int projectCount = data.consumeInt(0, 6);
            for (int p = 0; p < projectCount; p++) {
                projects.add(project(data, shanghai));
            }
            units.add(new Unit(text(data, 30), projects));
        }
        return new TargetDocument(shanghai ? "shanghai" : "guangzhou", data.consumeInt(2000, 2100), text(data, 40),
                data.consumeBoolean() ? null : text(data, 60), data.consumeBoolean() ? null : text(data, 4),
                shanghai ? null : data.pickValue(new String[] {"coded", "plain", "coded-inline", "dashed"}),
                data.consumeBoolean() ? null : text(data, 40), units);
    }

    static Project project(FuzzedDataProvider data, boolean shanghai) {
        List<Indicator> indicators = new ArrayList<>();
        int count = data.consumeBoolean() ? data.consumeInt(0, 12) : data.consumeInt(0, 120);
        String[][] levels = shanghai
                ? new String[][] {{"投入与管理", "投入管理"}, {"产出目标", "数量"}, {"产出目标", "质量"}, {"效果目标", "满意度"}, {"影响力目标", "人力资源"}}
                : new String[][] {{"产出指标", "数量指标"}, {"产出指标", "时效指标"}, {"效益指标", "社会效益"}, {"满意度指标", "服务对象满意度"}, {"成本指标", "经济成本指标"}};
        for (int i = 0; i < count; i++) {
            String[] level = data.pickValue(levels);
            indicators.add(new Indicator(level[0], level[1], text(data, 80),
                    data.consumeBoolean() ? null : text(data, 20), text(data, 20)));
        }
        Amounts amounts = new Amounts(amount(data), data.consumeBoolean() ? null : amount(data),
                data.consumeBoolean() ? null : amount(data), null);
        String goal = text(data, 600);
        if (!shanghai) {
            return new Project(text(data, 60), amounts, goal, indicators);
        }
        LocalDate start = LocalDate.of(data.consumeInt(2000, 2100), data.consumeInt(1, 12), data.consumeInt(1, 28));
        return new Project(text(data, 60), null, goal, indicators, text(data, 20), start,
                start.plusDays(data.consumeInt(0, 800)), data.consumeBoolean(), text(data, 20), text(data, 900),
                text(data, 300), text(data, 300), text(data, 300), text(data, 300),
                new Budget(amount(data), amount(data), amount(data), amount(data)));
    }

    static BigDecimal amount(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> BigDecimal.valueOf(data.consumeLong(0, Long.MAX_VALUE), data.consumeInt(0, 6));
            case 2 -> new BigDecimal("9".repeat(data.consumeInt(1, 30)) + ".995");
            default -> BigDecimal.valueOf(data.consumeInt(0, 1000), 4);
        };
    }

    /** Up to {@code max} characters (sometimes ten times more) of the safe set, or of all kinds. */
    static String text(FuzzedDataProvider data, int max) {
        int n = data.consumeInt(0, data.consumeBoolean() ? max : max * 10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            int kind = exotic ? data.consumeInt(0, 9) : 9;
            if (kind == 0) {
                sb.appendCodePoint(data.consumeInt(0, 0x10FFFF));
            } else if (kind == 1) {
                sb.append(EXOTIC.charAt(data.consumeInt(0, EXOTIC.length() - 1)));
            } else {
                sb.append(SAFE.charAt(data.consumeInt(0, SAFE.length() - 1)));
            }
        }
        return sb.toString();
    }
}
