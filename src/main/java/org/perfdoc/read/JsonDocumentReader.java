package org.perfdoc.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.problems.Locations;
import org.perfdoc.problems.Problems;
import org.perfdoc.style.Terms;

/**
 * Reads one perfdoc JSON file (format: {@code perfdoc.schema.json}) into a {@link TargetDocument}.
 * It never throws for bad content: syntax errors, unknown fields, wrong types and missing fields all
 * land in the result's problems with their JSON path and line:column, named in the words of the
 * document's style.
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
    private final Charset encoding;
    private final Function<String, Terms> terms;

    /**
     * A reader within {@code limits}; {@code encoding} null means UTF-8 (with or without BOM), GB18030
     * input being named as such. {@code terms} gives a style's words for its fields, by style name.
     */
    public JsonDocumentReader(Limits limits, Charset encoding, Function<String, Terms> terms) {
        this.limits = limits;
        this.encoding = encoding;
        this.terms = terms;
    }

    /** Reads {@code file}; a file that cannot be read, or is too large, is a problem, not an exception. */
    public ReadResult read(Path file) {
        return InputFile.read(file, limits, this::read, JsonDocumentReader::refused);
    }

    /** Reads the bytes of a file named {@code name} (the name only appears in messages). */
    public ReadResult read(String name, byte[] bytes) {
        if (bytes.length > limits.maxInputBytes()) {
            return refused(name, InputFile.tooLarge(bytes.length, limits));
        }
        String[] encodingProblem = new String[1];
        byte[] json = InputEncoding.toUtf8(bytes, encoding, encodingProblem);
        if (json == null) {
            return refused(name, encodingProblem[0]);
        }
        JsonTree tree = new JsonTree(limits);
        Problems problems = new Problems(new Locations(name, tree.positions()));
        JsonNode root = tree.parse(json, problems);
        TargetDocument document = root == null ? null : new Fields(problems, termsOf(root)).document(root);
        return new ReadResult(document, problems);
    }

    /**
     * The document of a tree that another reader built (a workbook's), reporting into {@code problems}
     * whose locations place each path; null when the root is not an object.
     */
    TargetDocument document(JsonNode root, Problems problems) {
        return new Fields(problems, termsOf(root)).document(root);
    }

    /** The words of the style the document names, or the common ones. */
    private Terms termsOf(JsonNode root) {
        JsonNode style = root.isObject() ? root.get("style") : null;
        return terms.apply(style != null && style.isTextual() ? style.textValue() : null);
    }

    private static ReadResult refused(String name, String message) {
        Problems problems = new Problems(Locations.none(name));
        problems.errorAt("$", 0, 0, message);
        return new ReadResult(null, problems);
    }

    /** One file's walk from the root object down, reporting into its problems in its style's words. */
    private final class Fields {
        private final Problems problems;
        private final Terms words;

        Fields(Problems problems, Terms words) {
            this.problems = problems;
            this.words = words;
        }

        private TargetDocument document(JsonNode node) {
            ObjectFields f = ObjectFields.of(node, "$", problems, limits, DOCUMENT_FIELDS);
            if (f == null) {
                return null;
            }
            String style = f.requiredString("style", words.of("style"));
            Integer year = f.requiredInteger("year", words.of("year"));
            String department = f.requiredString("department", words.of("department"));
            String title = f.optionalString("title");
            String amountUnit = f.optionalString("amountUnit");
            String format = f.optionalString("indicatorFormat");
            String note = f.optionalString("note");
            List<Unit> units = f.requiredArray("units", words.of("units"), (n, p) -> unit(n, p));
            return new TargetDocument(style, year == null ? 0 : year, department, title, amountUnit, format, note, units);
        }

        private Unit unit(JsonNode node, String path) {
            ObjectFields f = ObjectFields.of(node, path, problems, limits, UNIT_FIELDS);
            if (f == null) {
                return null;
            }
            String name = f.requiredString("name", words.of("unit"));
            List<Project> projects = f.requiredArray("projects", words.of("projects"), limits.maxProjects(),
                    "--max-projects", (n, p) -> project(n, p));
            return new Unit(name, projects);
        }

        private Project project(JsonNode node, String path) {
            ObjectFields f = ObjectFields.of(node, path, problems, limits, PROJECT_FIELDS);
            if (f == null) {
                return null;
            }
            String name = f.requiredString("name", words.of("project"));
            JsonNode amountsNode = f.optionalNode("amounts");
            Amounts amounts = amountsNode == null ? null : amounts(amountsNode, f.path("amounts"));
            String goal = f.optionalString("goal");
            List<Indicator> indicators = f.requiredArray("indicators", words.of("indicators"), limits.maxIndicators(),
                    "--max-indicators", (n, p) -> indicator(n, p));
            JsonNode budgetNode = f.optionalNode("budget");
            Budget budget = budgetNode == null ? null : budget(budgetNode, f.path("budget"));
            return new Project(name, amounts, goal, indicators, f.optionalString("category"),
                    f.optionalDate("startDate"), f.optionalDate("endDate"), f.optionalBoolean("governmentPurchase"),
                    f.optionalString("performanceType"), f.optionalString("overview"), f.optionalString("basis"),
                    f.optionalString("necessity"), f.optionalString("safeguards"), f.optionalString("plan"), budget);
        }

        private Amounts amounts(JsonNode node, String path) {
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

        private Budget budget(JsonNode node, String path) {
            ObjectFields f = ObjectFields.of(node, path, problems, limits, BUDGET_FIELDS);
            if (f == null) {
                return null;
            }
            return new Budget(f.optionalDecimal("total"), f.optionalDecimal("current"),
                    f.optionalDecimal("priorYearBudget"), f.optionalDecimal("priorYearExecuted"));
        }

        private Indicator indicator(JsonNode node, String path) {
            ObjectFields f = ObjectFields.of(node, path, problems, limits, INDICATOR_FIELDS);
            if (f == null) {
                return null;
            }
            return new Indicator(
                    f.requiredString("level1", words.of("level1")),
                    f.optionalString("level2"),
                    f.requiredString("name", words.of("level3")),
                    f.optionalString("periodValue"),
                    f.requiredString("value", words.of("value")));
        }
    }
}
