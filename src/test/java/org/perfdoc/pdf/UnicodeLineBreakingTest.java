package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;

/** The break points offered, alone and with several providers of one thread in use at once. */
class UnicodeLineBreakingTest {
    private static final List<String> TEXTS = List.of(
            "1、产出指标：每月到村（社区）提供法律服务时间（小时），年度指标值：≥8。",
            "年度指标值:100%；满意度≥95%。",
            "https://www.gz.gov.cn/zwgk/ysjs/2024/项目支出绩效目标表",
            "12345678901234567890",
            "完成（“三大攻坚战”）工作。",
            "",
            "𠀀𠀁 e\u0301 a");

    /** What the rules say, from fresh ICU iterators: characters up to the first line break, then line breaks. */
    private static List<Integer> expected(String text) {
        BreakIterator lines = BreakIterator.getLineInstance(ULocale.SIMPLIFIED_CHINESE);
        lines.setText(text);
        BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.SIMPLIFIED_CHINESE);
        characters.setText(text);
        List<Integer> out = new ArrayList<>();
        int first = lines.next();
        if (first != BreakIterator.DONE) {
            for (int c = characters.next(); c != BreakIterator.DONE && c < first; c = characters.next()) {
                out.add(c);
            }
            out.add(first);
            for (int b = lines.next(); b != BreakIterator.DONE; b = lines.next()) {
                out.add(b);
            }
        }
        out.add(BreakPoint.getDonePoint().getPosition());
        return out;
    }

    @Test
    void oneProviderAtATimeFollowsTheRules() {
        UnicodeLineBreaking breaking = new UnicodeLineBreaking();
        for (String text : TEXTS) {
            BreakPointsProvider p = breaking.getBreakPointsProvider(text, "zh-CN", null);
            List<Integer> got = new ArrayList<>();
            int done = BreakPoint.getDonePoint().getPosition();
            int position;
            do {
                position = p.next().getPosition();
                got.add(position);
            } while (position != done);
            assertEquals(expected(text), got, text);
        }
    }

    @Test
    void providersInUseAtOnceDoNotDisturbEachOther() {
        UnicodeLineBreaking breaking = new UnicodeLineBreaking();
        List<BreakPointsProvider> providers = new ArrayList<>();
        List<List<Integer>> got = new ArrayList<>();
        // every text twice, the second started after the first has run a few steps
        for (String text : TEXTS) {
            providers.add(breaking.getBreakPointsProvider(text, "zh-CN", null));
            got.add(new ArrayList<>());
        }
        for (int k = 0; k < TEXTS.size(); k++) {
            step(providers.get(k), got.get(k));
            step(providers.get(k), got.get(k));
        }
        for (String text : TEXTS) {
            providers.add(breaking.getBreakPointsProvider(text, "zh-CN", null));
            got.add(new ArrayList<>());
        }
        boolean running = true;
        for (int round = 0; running; round++) {
            running = false;
            // round robin, and every third round every other provider twice in a row
            for (int k = 0; k < providers.size(); k++) {
                for (int n = 0; n < (round % 3 == 0 && k % 2 == 0 ? 2 : 1); n++) {
                    running |= step(providers.get(k), got.get(k));
                }
            }
        }
        for (int k = 0; k < providers.size(); k++) {
            String text = TEXTS.get(k % TEXTS.size());
            assertEquals(expected(text), got.get(k), "provider " + k + ": " + text);
        }
    }

    /** One more break point from {@code p} into {@code got}, unless it is done; whether it took one. */
    private static boolean step(BreakPointsProvider p, List<Integer> got) {
        int done = BreakPoint.getDonePoint().getPosition();
        if (!got.isEmpty() && got.get(got.size() - 1) == done) {
            return false;
        }
        got.add(p.next().getPosition());
        return true;
    }
}
