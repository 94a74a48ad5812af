package org.perfdoc.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.IndicatorFormat;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.validate.Problems;

/**
 * Reads one perfdoc JSON file (format: {@code perfdoc.schema.json}) into a {@link TargetDocument}.
 * It never throws for bad content: syntax errors, unknown fields, wrong types and missing fields all
 * land in the result's problems with their JSON path and line:column.
 */
public final class JsonDocumentReader {
    static final List<String> DOCUMENT_FIELDS =
            List.of("$schema", "style", "year", "department", "title", "amountUnit", "indicatorFormat", "note", "units");
    static final List<String> UNIT_FIELDS = List.of("name", "projects");
    static final List<String> PROJECT_FIELDS = List.of("name", "amounts", "goal", "indicators", "category",
            "startDate", "endDate", "governmentPurchase", "performanceType", "overview", "basis", "necessity",
            "safeguards", "plan", "budget");
    static final List<String> AMOUNT_FIELDS = List.of("fiscal", "specialAccount", "other", "total");
    static final List<String> BUDGET_FIELDS = List.of("total", "current", "priorYearBudget", "priorYearExecuted");
    static final List<String> INDICATOR_FIELDS = List.of("level1", "level2", "name", "periodValue", "value");

    private final Limits limits;
    private final java.nio.charset.Charset encoding;

    /** UTF-8 input within the default limits. */
    public JsonDocumentReader() {
        this(Limits.DEFAULT, null);
    }

    /** {@code encoding} null means UTF-8 (with or without BOM), GB18030 input being named as such. */
    public JsonDocumentReader(Limits limits, java.nio.charset.Charset encoding) {
        this.limits = limits;
        this.encoding = encoding;
    }

    public ReadResult read(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxInputBytes()) {
                return refused(name, tooLarge(size));
            }
            return read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            Problems problems = new Problems(name, Map.of());
            problems.errorAt("$", 0, 0, "无法读取文件：" + e.getMessage());
            return new ReadResult(name, null, problems);
        }
    }

    public ReadResult read(String name, byte[] bytes) {
        if (bytes.length > limits.maxInputBytes()) {
            return refused(name, tooLarge(bytes.length));
        }
        String[] encodingProblem = new String[1];
        byte[] json = InputEncoding.toUtf8(bytes, encoding, encodingProblem);
        if (json == null) {
            return refused(name, encodingProblem[0]);
        }
        JsonTree tree = new JsonTree(limits);
        Problems problems = new Problems(name, tree.positions());
        JsonNode root = tree.parse(json, problems);
        TargetDocument document = root == null ? null : document(root, problems);
        return new ReadResult(name, document, problems);
    }

    private String tooLarge(long size) {
        return String.format("文件大小 %.1f MB，超过上限 %.1f MB（确有需要可用 --max-input-mb 调整）",
                size / 1048576.0, limits.maxInputBytes() / 1048576.0);
    }

    private static ReadResult refused(String name, String message) {
        Problems problems = new Problems(name, Map.of());
        problems.errorAt("$", 0, 0, message);
        return new ReadResult(name, null, problems);
    }

    private TargetDocument document(JsonNode node, Problems problems) {
        ObjectFields f = ObjectFields.of(node, "$", problems, limits, DOCUMENT_FIELDS);
        if (f == null) {
            return null;
        }
        String style = f.requiredString("style", "版式，如 \"guangzhou\"");
        Integer year = f.requiredInteger("year", "年度");
        String department = f.requiredString("department", "部门名称");
        String title = f.optionalString("title");
        String amountUnit = f.optionalString("amountUnit");
        IndicatorFormat format = indicatorFormat(f, problems);
        String note = f.optionalString("note");
        List<Unit> units = f.requiredArray("units", "资金使用单位", (n, p) -> unit(n, p, problems));
        return new TargetDocument(style, year == null ? 0 : year, department, title, amountUnit, format, note, units);
    }

    private static IndicatorFormat indicatorFormat(ObjectFields f, Problems problems) {
        String s = f.optionalString("indicatorFormat");
        if (s == null) {
            return null;
        }
        for (IndicatorFormat format : IndicatorFormat.values()) {
            if (format.jsonName().equals(s)) {
                return format;
            }
        }
        problems.error(f.path("indicatorFormat"), "应为 \"coded\"（编码格式）或 \"plain\"（简明格式），实际为 \"" + s + "\"");
        return null;
    }

    private Unit unit(JsonNode node, String path, Problems problems) {
        ObjectFields f = ObjectFields.of(node, path, problems, limits, UNIT_FIELDS);
        if (f == null) {
            return null;
        }
        String name = f.requiredString("name", "资金使用单位名称");
        List<Project> projects = f.requiredArray("projects", "项目", limits.maxProjects(), "--max-projects",
                (n, p) -> project(n, p, problems));
        return new Unit(name, projects);
    }

    private Project project(JsonNode node, String path, Problems problems) {
        ObjectFields f = ObjectFields.of(node, path, problems, limits, PROJECT_FIELDS);
        if (f == null) {
            return null;
        }
        String name = f.requiredString("name", "项目名称");
        JsonNode amountsNode = f.optionalNode("amounts");
        Amounts amounts = amountsNode == null ? null : amounts(amountsNode, f.path("amounts"), problems);
        String goal = f.optionalString("goal");
        List<Indicator> indicators = f.requiredArray("indicators", "绩效指标", limits.maxIndicators(), "--max-indicators",
                (n, p) -> indicator(n, p, problems));
        JsonNode budgetNode = f.optionalNode("budget");
        Budget budget = budgetNode == null ? null : budget(budgetNode, f.path("budget"), problems);
        return new Project(name, amounts, goal, indicators, f.optionalString("category"),
                f.optionalDate("startDate"), f.optionalDate("endDate"), f.optionalBoolean("governmentPurchase"),
                f.optionalString("performanceType"), f.optionalString("overview"), f.optionalString("basis"),
                f.optionalString("necessity"), f.optionalString("safeguards"), f.optionalString("plan"), budget);
    }

    private Amounts amounts(JsonNode node, String path, Problems problems) {
        ObjectFields f = ObjectFields.of(node, path, problems, limits, AMOUNT_FIELDS);
        if (f == null) {
            return Amounts.ZERO;
        }
        BigDecimal fiscal = f.optionalDecimal("fiscal");
        BigDecimal special = f.optionalDecimal("specialAccount");
        BigDecimal other = f.optionalDecimal("other");
        BigDecimal total = f.optionalDecimal("total");
        return new Amounts(fiscal, special, other, total);
    }

    private Budget budget(JsonNode node, String path, Problems problems) {
        ObjectFields f = ObjectFields.of(node, path, problems, limits, BUDGET_FIELDS);
        if (f == null) {
            return null;
        }
        return new Budget(f.optionalDecimal("total"), f.optionalDecimal("current"),
                f.optionalDecimal("priorYearBudget"), f.optionalDecimal("priorYearExecuted"));
    }

    private Indicator indicator(JsonNode node, String path, Problems problems) {
        ObjectFields f = ObjectFields.of(node, path, problems, limits, INDICATOR_FIELDS);
        if (f == null) {
            return null;
        }
        return new Indicator(
                f.requiredString("level1", "一级指标"),
                f.optionalString("level2"),
                f.requiredString("name", "指标名称"),
                f.optionalString("periodValue"),
                f.requiredString("value", "年度指标值"));
    }
}
