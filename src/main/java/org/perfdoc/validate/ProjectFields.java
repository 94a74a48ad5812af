package org.perfdoc.validate;

import java.util.List;
import org.perfdoc.model.Project;

/** Project fields by their JSON names, for rules that a style's descriptor switches on; the style's terms name them. */
final class ProjectFields {
    /** Free-text fields, checked for XML-illegal and undrawable characters. */
    static final List<String> TEXTS = List.of("goal", "category", "performanceType", "overview", "basis",
            "necessity", "safeguards", "plan");

    private ProjectFields() {
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
