package org.perfdoc.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.perfdoc.problems.Problems;

/**
 * Reads the fields of one JSON object into Java values, reporting (never throwing) every unknown
 * field, missing required field and wrong type, so that one pass finds all of a file's problems.
 * A field that cannot be read comes back as null.
 */
final class ObjectFields {
    private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Limits limits;

    private ObjectFields(JsonNode node, String path, Problems problems, Limits limits) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.limits = limits;
    }

    /** Returns the object's fields, or null (after reporting) when {@code node} is not an object. */
    static ObjectFields of(JsonNode node, String path, Problems problems, Limits limits, List<String> known) {
        if (!node.isObject()) {
            problems.error(path, "应为对象 { … }，实际为" + describe(node));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String closest = closest(name, known);
                if (closest != null) {
                    problems.misspeltAs(JsonTree.child(path, closest));
                }
                problems.error(JsonTree.child(path, name), unknownField(name, closest, known));
            }
        }
        return new ObjectFields(node, path, problems, limits);
    }

    String path(String name) {
        return JsonTree.child(path, name);
    }

    /** A string that must be present (it may still be empty: emptiness is the validator's concern). */
    String requiredString(String name, String label) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            missing(name, label);
            return null;
        }
        return string(name, v);
    }

    private void missing(String name, String label) {
        problems.missing(path(name), "缺少必填字段 \"" + name + "\"（" + label + "）");
    }

    String optionalString(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : string(name, v);
    }

    private String string(String name, JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            if (t.length() > limits.maxTextLength()) {
                problems.error(path(name), "文字长度 " + t.length() + " 个字符，超过上限 " + limits.maxTextLength()
                        + "（确有需要可用 --max-text 调整）");
                return null;
            }
            return t;
        }
        String hint = v.isNumber() ? "（数值也要写成文字，如 \"" + v.asText() + "\"）" : "";
        problems.error(path(name), "应为字符串，实际为" + describe(v) + hint);
        return null;
    }

    Integer requiredInteger(String name, String label) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            missing(name, label);
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        problems.error(path(name), "应为整数（如 2024），实际为" + describe(v));
        return null;
    }

    /** A decimal amount; absent or null reads as null. Strings such as "1,234.56" are refused. */
    BigDecimal optionalDecimal(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            // No budget reaches 10^15 in any unit; beyond it, and beyond 10 decimals, is a typo or an
            // attack (1e999999 would print a million digits).
            if (d.abs().compareTo(MAX_AMOUNT) >= 0 || d.scale() > 10) {
                problems.error(path(name), "金额超出范围：应小于 10¹⁵ 且最多 10 位小数，实际为 " + v.asText());
                return null;
            }
            return d;
        }
        problems.error(path(name), "金额应为数字，如 1234.56（不加引号、不加千位分隔符），实际为" + describe(v));
        return null;
    }

    /** The array's elements read one by one; absent or wrong reads as an empty list after reporting. */
    <T> List<T> requiredArray(String name, String label, BiFunction<JsonNode, String, T> element) {
        return requiredArray(name, label, Integer.MAX_VALUE, null, element);
    }

    /**
     * Like {@link #requiredArray(String, String, BiFunction)}, refusing more than {@code max} elements
     * (the option that raises the limit is named in the message) without reading any of them.
     */
    <T> List<T> requiredArray(String name, String label, int max, String option,
                              BiFunction<JsonNode, String, T> element) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            missing(name, label);
            return List.of();
        }
        if (!v.isArray()) {
            problems.error(path(name), "应为数组 [ … ]，实际为" + describe(v));
            return List.of();
        }
        if (v.size() > max) {
            problems.error(path(name), label + "共 " + v.size() + " 个，超过上限 " + max + "（确有需要可用 " + option
                    + " 调整）");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            T t = element.apply(v.get(i), path(name) + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The field's raw node, or null when absent or null. */
    JsonNode optionalNode(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** An ISO date such as 2020-01-01. */
    LocalDate optionalDate(String name) {
        String s = optionalString(name);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.error(path(name), "应为日期，格式 YYYY-MM-DD（如 2020-01-01），实际为 \"" + s + "\"");
            return null;
        }
    }

    Boolean optionalBoolean(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problems.error(path(name), "应为 true（是）或 false（否），实际为" + describe(v));
        return null;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "字符串 \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isNumber()) {
            return "数字 " + v.asText();
        }
        if (v.isBoolean()) {
            return "布尔值 " + v.asText();
        }
        if (v.isArray()) {
            return "数组";
        }
        if (v.isObject()) {
            return "对象";
        }
        return "null";
    }

    private static String unknownField(String name, String closest, List<String> known) {
        String listing = "可用字段：" + String.join("、", known);
        if (closest != null) {
            return "未知字段 \"" + name + "\"，是否应为 \"" + closest + "\"？" + listing;
        }
        return "未知字段 \"" + name + "\"。" + listing;
    }

    /** The known name a misspelt field most likely meant, or null when none is close. */
    private static String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = LevenshteinDistance.getDefaultInstance()
                    .apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }
}
