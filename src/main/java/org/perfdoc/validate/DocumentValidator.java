package org.perfdoc.validate;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.perfdoc.helper.XmlCharacters;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.problems.Problem;
import org.perfdoc.problems.Problems;
import org.perfdoc.style.DocumentSettings;
import org.perfdoc.style.IndicatorFormat;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.Taxonomy;
import org.perfdoc.style.Terms;

/**
 * The rules a document must meet before it is rendered. Every rule runs, so one pass reports all
 * of a file's problems; each names the JSON path, says what is expected and names fields in the
 * words of the document's style.
 */
public final class DocumentValidator {
    private final StyleCatalog styles;
    private final GlyphCoverage glyphs;

    /** Checks documents against the styles in {@code styles}, characters against {@code glyphs}. */
    public DocumentValidator(StyleCatalog styles, GlyphCoverage glyphs) {
        this.styles = styles;
        this.glyphs = glyphs;
    }

    /**
     * Every problem of {@code document}: those {@code reading} found, then the validator's. Nothing
     * given is changed, so validating again gives the same list.
     */
    public List<Problem> validate(TargetDocument document, Problems reading) {
        Problems problems = reading.fork();
        if (document != null) {
            new Run(document, problems).check();
        }
        return problems.all();
    }

    private final class Run {
        private final TargetDocument doc;
        private final Problems problems;
        private Style style;
        private Terms words;
        private IndicatorFormat format;
        /**
         * Glyph lookups already made for this document (texts repeat the same few thousand characters):
         * the code points every font of the style draws, and for the others the font that lacks them.
         */
        private final BitSet drawable = new BitSet();
        private final Map<Integer, String> lacking = new HashMap<>();

        Run(TargetDocument doc, Problems problems) {
            this.doc = doc;
            this.problems = problems;
            this.words = styles.terms(null);
        }

        void check() {
            if (doc.style() != null) {
                style = styles.find(doc.style()).orElse(null);
                if (style == null) {
                    problems.error("$.style", "未知版式 \"" + doc.style() + "\"，可选：" + String.join("、", styles.names()));
                } else {
                    words = style.terms();
                    settings(style.settings(doc));
                }
            }
            if (doc.year() != 0 && (doc.year() < 2000 || doc.year() > 2100)) {
                problems.error("$.year", "年度应在 2000 到 2100 之间，实际为 " + doc.year());
            }
            text("$.department", doc.department(), words.of("department"), true);
            text("$.title", doc.title(), words.of("title"), false);
            text("$.amountUnit", doc.amountUnit(), words.of("amountUnit"), false);
            text("$.note", doc.note(), words.of("note"), false);
            if (doc.units().isEmpty() && !problems.has("$.units")) {
                problems.error("$.units", "至少需要一个" + words.of("units"));
            }
            if (!doc.units().isEmpty() && doc.projects().isEmpty()) {
                // found by fuzzing: a document of empty units rendered as a blank page / empty Word file
                problems.error("$.units", "文件中没有任何项目：至少需要一个项目才能生成绩效目标表");
            }
            for (int u = 0; u < doc.units().size(); u++) {
                unit(doc.units().get(u), "$.units[" + u + "]");
            }
        }

        /** The indicator format the document names must be one of its style's. */
        private void settings(DocumentSettings settings) {
            format = settings.indicatorFormat();
            if (format == null) {
                problems.error("$.indicatorFormat", "版式 " + style.name() + " 没有指标格式 \"" + doc.indicatorFormat()
                        + "\"，可选：" + String.join("、", style.indicatorFormats().keySet()));
            }
        }

        private void unit(Unit unit, String path) {
            text(path + ".name", unit.name(), words.of("unit"), true);
            if (unit.projects().isEmpty()) {
                problems.warning(path + ".projects", "该单位没有项目，只打印单位行");
            }
            for (int p = 0; p < unit.projects().size(); p++) {
                project(unit.projects().get(p), path + ".projects[" + p + "]");
            }
        }

        private void project(Project project, String path) {
            text(path + ".name", project.name(), words.of("project"), true);
            if (style != null) {
                for (String field : style.requiredProjectFields()) {
                    if (ProjectFields.value(project, field) == null) {
                        problems.missing(path + "." + field, "缺少必填字段 \"" + field + "\"（"
                                + words.of(field) + "）：版式 " + style.name() + " 需要它");
                    }
                }
            }
            if (project.goal() == null || project.goal().isBlank()) {
                if (style == null || !style.requiredProjectFields().contains("goal")) {
                    problems.warning(path + ".goal", "项目没有" + words.of("goal") + "，该格将留空");
                }
            }
            for (String field : ProjectFields.TEXTS) {
                if (ProjectFields.value(project, field) instanceof String s) {
                    text(path + "." + field, s, words.of(field), !"goal".equals(field));
                }
            }
            if (project.startDate() != null && project.endDate() != null
                    && project.endDate().isBefore(project.startDate())) {
                problems.error(path + ".endDate", words.of("endDate") + " " + project.endDate() + " 早于"
                        + words.of("startDate") + " " + project.startDate());
            }
            if (project.amounts() != null) {
                amounts(project.amounts(), path + ".amounts");
            }
            if (project.budget() != null) {
                Budget b = project.budget();
                nonNegative(b.total(), path + ".budget.total", words.of("budget.total"));
                nonNegative(b.current(), path + ".budget.current", words.of("budget.current"));
                nonNegative(b.priorYearBudget(), path + ".budget.priorYearBudget", words.of("budget.priorYearBudget"));
                nonNegative(b.priorYearExecuted(), path + ".budget.priorYearExecuted",
                        words.of("budget.priorYearExecuted"));
            }
            if (project.indicators().isEmpty()) {
                problems.warning(path + ".indicators", "项目没有" + words.of("indicators") + "，该格将留空");
            }
            for (int i = 0; i < project.indicators().size(); i++) {
                indicator(project.indicators().get(i), path + ".indicators[" + i + "]");
            }
            if (style != null && style.indicatorGrid()) {
                contiguous(project.indicators(), path + ".indicators");
            }
        }

        /** Warns where an indicator's group started earlier and was interrupted: it will be regrouped. */
        private void contiguous(List<Indicator> indicators, String path) {
            Set<String> closed1 = new HashSet<>();
            Set<String> closed2 = new HashSet<>();
            String last1 = null;
            String last2 = null;
            for (int i = 0; i < indicators.size(); i++) {
                Indicator ind = indicators.get(i);
                String g1 = String.valueOf(ind.level1());
                String g2 = g1 + "/" + ind.level2();
                if (!g1.equals(last1) && last1 != null) {
                    closed1.add(last1);
                }
                if (!g2.equals(last2) && last2 != null) {
                    closed2.add(last2);
                }
                if (closed1.contains(g1) || closed2.contains(g2)) {
                    problems.warning(path + "[" + i + "]", "指标不连续：\"" + (closed1.contains(g1) ? g1 : g2)
                            + "\" 的指标前面已经出现过，中间隔着其他指标；打印时按首次出现的位置归到一组（组内保持原顺序）");
                    return;
                }
                last1 = g1;
                last2 = g2;
            }
        }

        private void amounts(Amounts a, String path) {
            nonNegative(a.fiscal(), path + ".fiscal", words.of("fiscal"));
            nonNegative(a.specialAccount(), path + ".specialAccount", words.of("specialAccount"));
            nonNegative(a.other(), path + ".other", words.of("other"));
            nonNegative(a.declaredTotal(), path + ".total", words.of("total"));
            if (a.declaredTotal() != null && a.declaredTotal().compareTo(a.total()) != 0) {
                problems.error(path + ".total", words.of("total") + " " + plain(a.declaredTotal())
                        + " 不等于 " + words.of("fiscal") + " + " + words.of("specialAccount") + " + "
                        + words.of("other") + " = " + plain(a.fiscal()) + " + "
                        + plain(a.specialAccount()) + " + " + plain(a.other()) + " = " + plain(a.total())
                        + "；请改为 " + plain(a.total()) + " 或删去" + words.of("total") + "，由程序计算");
            }
        }

        private void nonNegative(BigDecimal v, String path, String label) {
            if (v != null && v.signum() < 0) {
                problems.error(path, label + "不能为负数，实际为 " + plain(v));
            }
        }

        private void indicator(Indicator ind, String path) {
            text(path + ".name", ind.name(), words.of("level3"), true);
            text(path + ".value", ind.value(), words.of("value"), true);
            text(path + ".periodValue", ind.periodValue(), words.of("periodValue"), true);
            text(path + ".level2", ind.level2(), words.of("level2"), true);
            text(path + ".level1", ind.level1(), words.of("level1"), true);
            if (format != null && format.periodValue() == IndicatorFormat.Need.UNUSED && ind.periodValue() != null) {
                problems.error(path + ".periodValue", "指标格式 \"" + format.name() + "\" 不打印" + words.of("periodValue")
                        + "，写了也会丢失；请删去" + alternatives(f -> f.periodValue() != IndicatorFormat.Need.UNUSED));
            }
            if (style == null || ind.level1() == null || ind.level1().isBlank()) {
                return;
            }
            Taxonomy taxonomy = style.taxonomy();
            Optional<Taxonomy.Level> level1 = taxonomy.level1(ind.level1());
            if (level1.isEmpty()) {
                problems.error(path + ".level1", "未知的" + words.of("level1") + " \"" + ind.level1() + "\"，可选："
                        + String.join("、", taxonomy.level1Names()));
                return;
            }
            if (ind.level2() == null) {
                if (format != null && format.level2() == IndicatorFormat.Need.REQUIRED) {
                    String why = style.indicatorFormats().size() > 1 ? "（指标格式 \"" + format.name() + "\" 需要它）" : "";
                    problems.error(path + ".level2", "缺少" + words.of("level2") + why + "，\"" + ind.level1()
                            + "\" 下可选：" + String.join("、", level1.get().childNames()));
                }
                return;
            }
            if (!ind.level2().isBlank() && level1.get().child(ind.level2()).isEmpty()) {
                String message = "\"" + ind.level1() + "\" 下没有" + words.of("level2") + " \"" + ind.level2()
                        + "\"，可选：" + String.join("、", level1.get().childNames());
                if (taxonomy.unknownLevel2IsError()) {
                    problems.error(path + ".level2", message);
                } else {
                    problems.warning(path + ".level2", message);
                }
            }
        }

        /** "，或改用指标格式 a、b" for the style's formats that {@code fit}, or nothing when none does. */
        private String alternatives(Predicate<IndicatorFormat> fit) {
            List<String> names = style.indicatorFormats().values().stream().filter(fit).map(IndicatorFormat::name).toList();
            return names.isEmpty() ? "" : "，或改用指标格式 " + String.join("、", names);
        }

        /** Checks one text field: present when required, not blank, legal XML, drawable by the fonts. */
        private void text(String path, String value, String label, boolean mustNotBeBlank) {
            if (value == null) {
                return;
            }
            if (mustNotBeBlank && value.isBlank()) {
                problems.error(path, label + "不能为空");
                return;
            }
            Set<String> illegal = new LinkedHashSet<>();
            Set<String> undrawable = new LinkedHashSet<>();
            String lackingFont = null;
            for (int i = 0; i < value.length(); ) {
                int cp = value.codePointAt(i);
                boolean loneSurrogate = Character.isSurrogate(value.charAt(i)) && Character.charCount(cp) == 1;
                if (loneSurrogate || !XmlCharacters.legal(cp)) {
                    illegal.add(codePoint(cp) + "（第 " + (value.codePointCount(0, i) + 1) + " 个字符）");
                } else if (style != null && !drawable.get(cp) && !Character.isWhitespace(cp)) {
                    String font = lacking.get(cp);
                    if (font == null) {
                        Optional<String> found = glyphs.fontLacking(cp, style.fonts());
                        if (found.isEmpty()) {
                            drawable.set(cp);
                        } else {
                            font = found.get();
                            lacking.put(cp, font);
                        }
                    }
                    if (font != null) {
                        undrawable.add("\"" + new String(Character.toChars(cp)) + "\"（" + codePoint(cp) + "）");
                        lackingFont = font;
                    }
                }
                i += Character.charCount(cp);
            }
            if (!illegal.isEmpty()) {
                problems.error(path, label + "含有文档中不允许的控制字符或非字符 " + String.join("、", illegal)
                        + "，请删除（常见于从其他软件复制的文字）");
            }
            if (!undrawable.isEmpty()) {
                problems.error(path, label + "中的字符 " + String.join("、", undrawable) + " 无法用内置字体显示（"
                        + lackingFont + " 没有这个字形），打印出来会是空白；请换用常用写法");
            }
        }
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
