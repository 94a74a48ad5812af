package org.perfdoc.style;

import java.util.HashMap;
import java.util.Map;

/**
 * The words of a style's form for the fields of the model (一级指标 or 一级目标, 年度指标值 or 指标目标值,
 * the amount columns…), so that every message names a field the way the form the user fills in does.
 * Keys are the model's field names ({@code level1}, {@code value}, {@code fiscal}, {@code budget.total},
 * …); {@code templates/common/terms.json} holds the words every style starts from.
 */
public final class Terms {
    private final Map<String, String> words;

    Terms(Map<String, String> words) {
        this.words = Map.copyOf(words);
    }

    /** These terms with {@code overrides} in place of some. */
    Terms with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(words);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return new Terms(merged);
    }

    /** The word for {@code field}, or the field's own name when the terms have none. */
    public String of(String field) {
        return words.getOrDefault(field, field);
    }
}
