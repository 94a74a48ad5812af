package org.perfdoc.validate;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.IndicatorFormat;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.read.ReadResult;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.Taxonomy;

/**
 * The rules a document must meet before it is rendered. Every rule runs, so one pass reports all
 * of a file's problems; each names the JSON path and says what is expected.
 */
public final class DocumentValidator {
    private final StyleCatalog styles;
    private final GlyphCoverage glyphs;

    public DocumentValidator(StyleCatalog styles, GlyphCoverage glyphs) {
        this.styles = styles;
        this.glyphs = glyphs;
    }

    /** Adds the document's problems to the result's and returns them all. */
    public List<Problem> validate(ReadResult read) {
        TargetDocument doc = read.document();
        Problems problems = read.problems();
        if (doc != null) {
            new Run(doc, problems).check();
        }
        return problems.all();
    }

    private final class Run {
        private final TargetDocument doc;
        private final Problems problems;
        private Style style;
        /** Glyph lookups already made for this document: texts repeat the same few thousand characters. */
        private final java.util.Map<Integer, Optional<String>> lacking = new java.util.HashMap<>();

        Run(TargetDocument doc, Problems problems) {
            this.doc = doc;
            this.problems = problems;
        }

        void check() {
            if (doc.style() != null) {
                style = styles.find(doc.style()).orElse(null);
                if (style == null) {
                    problems.error("$.style", "未知版式 \"" + doc.style() + "\"，可选：" + String.join("、", styles.names()));
                }
            }
            if (doc.year() != 0 && (doc.year() < 2000 || doc.year() > 2100)) {
                problems.error("$.year", "年度应在 2000 到 2100 之间，实际为 " + doc.year());
            }
            text("$.department", doc.department(), "部门名称", true);
            text("$.title", doc.title(), "标题", false);
            text("$.amountUnit", doc.amountUnit(), "金额单位", false);
            text("$.note", doc.note(), "表注", false);
            if (doc.units().isEmpty() && !problems.all().stream().anyMatch(p -> p.path().equals("$.units"))) {
                problems.error("$.units", "至少需要一个资金使用单位");
            }
            if (!doc.units().isEmpty() && doc.projects().isEmpty()) {
                // found by fuzzing: a document of empty units rendered as a blank page / empty Word file
                problems.error("$.units", "文件中没有任何项目：至少需要一个项目才能生成绩效目标表");
            }
            for (int u = 0; u < doc.units().size(); u++) {
                unit(doc.units().get(u), "$.units[" + u + "]");
            }
        }

        private void unit(Unit unit, String path) {
            text(path + ".name", unit.name(), "资金使用单位名称", true);
            if (unit.projects().isEmpty()) {
                problems.warning(path + ".projects", "该单位没有项目，只打印单位行");
            }
            for (int p = 0; p < unit.projects().size(); p++) {
                project(unit.projects().get(p), path + ".projects[" + p + "]");
            }
        }

        private void project(Project project, String path) {
            text(path + ".name", project.name(), "项目名称", true);
            if (style != null) {
                for (String field : style.requiredProjectFields()) {
                    if (ProjectFields.value(project, field) == null) {
                        problems.missing(path + "." + field, "缺少必填字段 \"" + field + "\"（"
                                + ProjectFields.label(field) + "）：版式 " + style.name() + " 需要它");
                    }
                }
            }
            if (project.goal() == null || project.goal().isBlank()) {
                if (style == null || !style.requiredProjectFields().contains("goal")) {
                    problems.warning(path + ".goal", "项目没有绩效目标，该格将留空");
                }
            }
            for (String field : ProjectFields.TEXTS) {
                if (ProjectFields.value(project, field) instanceof String s) {
                    text(path + "." + field, s, ProjectFields.label(field), !"goal".equals(field));
                }
            }
            if (project.startDate() != null && project.endDate() != null
                    && project.endDate().isBefore(project.startDate())) {
                problems.error(path + ".endDate", "计划完成日期 " + project.endDate() + " 早于计划开始日期 "
                        + project.startDate());
            }
            if (project.amounts() != null) {
                amounts(project.amounts(), path + ".amounts");
            }
            if (project.budget() != null) {
                Budget b = project.budget();
                nonNegative(b.total(), path + ".budget.total", "项目总预算");
                nonNegative(b.current(), path + ".budget.current", "项目当年预算");
                nonNegative(b.priorYearBudget(), path + ".budget.priorYearBudget", "同名项目上年预算额");
                nonNegative(b.priorYearExecuted(), path + ".budget.priorYearExecuted", "同名项目上年预算执行数");
            }
            if (project.indicators().isEmpty()) {
                problems.warning(path + ".indicators", "项目没有绩效指标，该格将留空");
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
            java.util.Set<String> closed1 = new java.util.HashSet<>();
            java.util.Set<String> closed2 = new java.util.HashSet<>();
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
                    closed1.add("\u0000");
                    return;
                }
                last1 = g1;
                last2 = g2;
            }
        }

        private void amounts(Amounts a, String path) {
            nonNegative(a.fiscal(), path + ".fiscal", "财政拨款");
            nonNegative(a.specialAccount(), path + ".specialAccount", "财政专户拨款");
            nonNegative(a.other(), path + ".other", "其他资金");
            nonNegative(a.declaredTotal(), path + ".total", "总计");
            if (a.declaredTotal() != null && a.declaredTotal().compareTo(a.total()) != 0) {
                problems.error(path + ".total", "总计 " + plain(a.declaredTotal())
                        + " 不等于 财政拨款 + 财政专户拨款 + 其他资金 = " + plain(a.fiscal()) + " + "
                        + plain(a.specialAccount()) + " + " + plain(a.other()) + " = " + plain(a.total())
                        + "；请改为 " + plain(a.total()) + " 或删去 total 由程序计算");
            }
        }

        private void nonNegative(BigDecimal v, String path, String label) {
            if (v != null && v.signum() < 0) {
                problems.error(path, label + "不能为负数，实际为 " + plain(v));
            }
        }

        private void indicator(Indicator ind, String path) {
            text(path + ".name", ind.name(), "指标名称", true);
            text(path + ".value", ind.value(), "年度指标值", true);
            text(path + ".periodValue", ind.periodValue(), "实施周期指标值", true);
            text(path + ".level2", ind.level2(), "二级指标", true);
            text(path + ".level1", ind.level1(), "一级指标", true);
            if (style == null || ind.level1() == null || ind.level1().isBlank()) {
                return;
            }
            Taxonomy taxonomy = style.taxonomy();
            Optional<Taxonomy.Level> level1 = taxonomy.level1(ind.level1());
            if (level1.isEmpty()) {
                problems.error(path + ".level1", "未知的一级指标 \"" + ind.level1() + "\"，可选："
                        + String.join("、", taxonomy.level1Names()));
                return;
            }
            if (ind.level2() == null) {
                if (style.indicatorGrid()) {
                    problems.error(path + ".level2", "缺少二级目标，\"" + ind.level1() + "\" 下可选："
                            + String.join("、", level1.get().childNames()));
                } else if (format() == IndicatorFormat.CODED) {
                    problems.error(path + ".level2", "编码格式（indicatorFormat \"coded\"）需要二级指标，\""
                            + ind.level1() + "\" 下可选：" + String.join("、", level1.get().childNames()));
                }
                return;
            }
            if (!ind.level2().isBlank() && level1.get().child(ind.level2()).isEmpty()) {
                String message = "\"" + ind.level1() + "\" 下没有二级指标 \"" + ind.level2() + "\"，可选："
                        + String.join("、", level1.get().childNames());
                if (taxonomy.unknownLevel2IsError()) {
                    problems.error(path + ".level2", message);
                } else {
                    problems.warning(path + ".level2", message);
                }
            }
        }

        /** The indicator line format, or null for a style that has no such choice. */
        private IndicatorFormat format() {
            String d = style.defaultValue("indicatorFormat");
            if (d == null) {
                return null;
            }
            if (doc.indicatorFormat() != null) {
                return doc.indicatorFormat();
            }
            return "plain".equals(d) ? IndicatorFormat.PLAIN : IndicatorFormat.CODED;
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
                if (loneSurrogate || !legalInXml(cp)) {
                    illegal.add(codePoint(cp) + "（第 " + (value.codePointCount(0, i) + 1) + " 个字符）");
                } else if (style != null && !Character.isWhitespace(cp)) {
                    Optional<String> font = lacking.computeIfAbsent(cp, c -> glyphs.fontLacking(c, style.fonts()));
                    if (font.isPresent()) {
                        undrawable.add("\"" + new String(Character.toChars(cp)) + "\"（" + codePoint(cp) + "）");
                        lackingFont = font.get();
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

    /** XML 1.0 Char, minus what the issue calls illegal: C0 controls other than tab, newline, CR. */
    public static boolean legalInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
