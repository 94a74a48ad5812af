package org.perfdoc.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.perfdoc.model.Indicator;

/**
 * The rows of a target grid (一级 | 二级 | 三级 | 值) with the spans of its merged 一级 and 二级 cells, for
 * templates that merge them. A block is also cut where a page break fell inside it in the previous
 * layout pass, so each page shows its own 一级/二级 labels: rowspans never cross a page.
 */
public final class GridRows {
    /**
     * One grid row.
     *
     * @param key        identifies the row across layout passes: {@code unit/project/row}
     * @param indicator  the row's indicator
     * @param level1Span rows the 一级 cell starting here spans, 0 where a cell above covers this row
     * @param level2Span rows the 二级 cell starting here spans, 0 where a cell above covers this row
     */
    public record Row(String key, Indicator indicator, int level1Span, int level2Span) {
    }

    private GridRows() {
    }

    /** Rows of {@code indicators} (already grouped) with merged cells, cut before every key in {@code cuts}. */
    static List<Row> of(String prefix, List<Indicator> indicators, Set<String> cuts) {
        int n = indicators.size();
        boolean[] starts1 = new boolean[n];
        boolean[] starts2 = new boolean[n];
        for (int i = 0; i < n; i++) {
            Indicator cur = indicators.get(i);
            Indicator prev = i == 0 ? null : indicators.get(i - 1);
            starts1[i] = prev == null || !Objects.equals(prev.level1(), cur.level1()) || cuts.contains(key(prefix, i));
            starts2[i] = starts1[i] || !Objects.equals(prev.level2(), cur.level2());
        }
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Row(key(prefix, i), indicators.get(i), span(starts1, i), span(starts2, i)));
        }
        return rows;
    }

    private static int span(boolean[] starts, int i) {
        if (!starts[i]) {
            return 0;
        }
        int end = i + 1;
        while (end < starts.length && !starts[end]) {
            end++;
        }
        return end - i;
    }

    static String key(String prefix, int row) {
        return prefix + "/" + row;
    }
}
