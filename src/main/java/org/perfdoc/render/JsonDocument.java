package org.perfdoc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;

/**
 * A document in perfdoc's JSON input format ({@code perfdoc.schema.json}), fields in the schema's
 * order, absent values left out, amounts exactly as held: reading it back gives the same document.
 */
public final class JsonDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonDocument() {
    }

    /** {@code doc} as a JSON tree. */
    public static ObjectNode tree(TargetDocument doc) {
        ObjectNode o = NODES.objectNode();
        text(o, "style", doc.style());
        o.put("year", doc.year());
        text(o, "department", doc.department());
        text(o, "title", doc.title());
        text(o, "amountUnit", doc.amountUnit());
        text(o, "indicatorFormat", doc.indicatorFormat());
        text(o, "note", doc.note());
        ArrayNode units = o.putArray("units");
        for (Unit u : doc.units()) {
            ObjectNode unit = units.addObject();
            text(unit, "name", u.name());
            ArrayNode projects = unit.putArray("projects");
            for (Project p : u.projects()) {
                projects.add(project(p));
            }
        }
        return o;
    }

    /** {@code doc} as the bytes of a UTF-8 JSON file, indented by two spaces, ending in a newline. */
    public static byte[] bytes(TargetDocument doc) {
        // "name": "value", as people and the examples write JSON (Jackson's default is "name" : "value")
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = JSON.writer(printer).writeValueAsString(tree(doc));
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode project(Project p) {
        ObjectNode o = NODES.objectNode();
        text(o, "name", p.name());
        Amounts a = p.amounts();
        if (a != null) {
            ObjectNode amounts = o.putObject("amounts");
            number(amounts, "fiscal", a.fiscal());
            number(amounts, "specialAccount", a.specialAccount());
            number(amounts, "other", a.other());
            number(amounts, "total", a.declaredTotal());
        }
        text(o, "goal", p.goal());
        ArrayNode indicators = o.putArray("indicators");
        for (Indicator i : p.indicators()) {
            ObjectNode ind = indicators.addObject();
            text(ind, "level1", i.level1());
            text(ind, "level2", i.level2());
            text(ind, "name", i.name());
            text(ind, "periodValue", i.periodValue());
            text(ind, "value", i.value());
        }
        text(o, "category", p.category());
        date(o, "startDate", p.startDate());
        date(o, "endDate", p.endDate());
        if (p.governmentPurchase() != null) {
            o.put("governmentPurchase", p.governmentPurchase());
        }
        text(o, "performanceType", p.performanceType());
        text(o, "overview", p.overview());
        text(o, "basis", p.basis());
        text(o, "necessity", p.necessity());
        text(o, "safeguards", p.safeguards());
        text(o, "plan", p.plan());
        Budget b = p.budget();
        if (b != null) {
            ObjectNode budget = o.putObject("budget");
            number(budget, "total", b.total());
            number(budget, "current", b.current());
            number(budget, "priorYearBudget", b.priorYearBudget());
            number(budget, "priorYearExecuted", b.priorYearExecuted());
        }
        return o;
    }

    private static void text(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void number(ObjectNode o, String name, BigDecimal value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void date(ObjectNode o, String name, LocalDate value) {
        if (value != null) {
            o.put(name, value.toString());
        }
    }
}
