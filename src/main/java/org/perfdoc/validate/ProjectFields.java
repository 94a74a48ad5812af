package org.perfdoc.validate;

import java.util.List;
import java.util.Map;
import org.perfdoc.model.Project;

/** Project fields by their JSON names, for rules that a style's descriptor switches on. */
final class ProjectFields {
    /** Free-text fields, checked for XML-illegal and undrawable characters. */
    static final List<String> TEXTS = List.of("goal", "category", "performanceType", "overview", "basis",
            "necessity", "safeguards", "plan");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "项目名称"), Map.entry("amounts", "金额"), Map.entry("goal", "绩效目标"),
            Map.entry("indicators", "绩效指标"), Map.entry("category", "项目类别"),
            Map.entry("startDate", "计划开始日期"), Map.entry("endDate", "计划完成日期"),
            Map.entry("governmentPurchase", "是否含有政府购买服务"), Map.entry("performanceType", "绩效类型"),
            Map.entry("overview", "项目概况"), Map.entry("basis", "立项依据"),
            Map.entry("necessity", "项目设立的必要性"), Map.entry("safeguards", "保证项目实施的制度、措施"),
            Map.entry("plan", "项目实施计划"), Map.entry("budget", "本项目上年度市级财政资金使用情况"));

    private ProjectFields() {
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /** The field's value, null when the input left it out. */
    static Object value(Project p, String field) {
        return switch (field) {
            case "name" -> p.name();
            case "amounts" -> p.amounts();
            case "goal" -> p.goal();
            case "indicators" -> p.indicators();
            case "category" -> p.category();
            case "startDate" -> p.startDate();
            case "endDate" -> p.endDate();
            case "governmentPurchase" -> p.governmentPurchase();
            case "performanceType" -> p.performanceType();
            case "overview" -> p.overview();
            case "basis" -> p.basis();
            case "necessity" -> p.necessity();
            case "safeguards" -> p.safeguards();
            case "plan" -> p.plan();
            case "budget" -> p.budget();
            default -> throw new IllegalArgumentException("style.json names an unknown project field: " + field);
        };
    }
}
