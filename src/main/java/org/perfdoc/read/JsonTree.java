package org.perfdoc.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.perfdoc.problems.Locations;
import org.perfdoc.problems.Problems;

/**
 * Parses JSON into a Jackson tree while remembering where each value stood, so that every later
 * problem can name its line and column. Jackson's own tree keeps no positions, hence this small walk
 * over the token stream. Duplicate keys are reported, not silently overwritten.
 */
final class JsonTree {
    private final Map<String, Locations.Where> positions = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private final JsonFactory factory;

    JsonTree(Limits limits) {
        // Depth and number length bound the parser itself; text length is checked per field, with its path.
        this.factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxInputBytes()))
                .build()).build();
    }

    /** Where each value stood, by JSON path; filled as {@link #parse} goes. */
    Map<String, Locations.Where> positions() {
        return positions;
    }

    /** Returns the root, or null after recording a syntax error in {@code problems}. */
    JsonNode parse(byte[] json, Problems problems) {
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() == null) {
                problems.errorAt("$", 1, 1, "文件是空的：应为一个 JSON 对象 { … }");
                return null;
            }
            JsonNode root = value(p, "$", problems);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.errorAt("$", at.getLineNr(), at.getColumnNr(), "JSON 对象结束后还有多余内容");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String path = "$";
            if (e.getProcessor() instanceof JsonParser p) {
                path = JsonPaths.fromPointer(p.getParsingContext().pathAsPointer().toString());
            }
            problems.errorAt(path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "JSON 语法错误：" + JsonSyntax.explain(e));
            return null;
        } catch (NumberFormatException e) {
            // found by fuzzing: Jackson refuses numbers such as 1e00017225521252362360356 this way
            problems.errorAt(lastPath, lastLine, lastColumn, "数字无法识别（指数过大或格式有误）：" + e.getMessage());
            return null;
        } catch (IOException e) {
            problems.errorAt("$", 0, 0, "无法读取：" + e.getMessage());
            return null;
        }
    }

    private String lastPath = "$";
    private int lastLine;
    private int lastColumn;

    private JsonNode value(JsonParser p, String path, Problems problems) throws IOException {
        remember(path, p.currentTokenLocation());
        lastPath = path;
        lastLine = p.currentTokenLocation().getLineNr();
        lastColumn = p.currentTokenLocation().getColumnNr();
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p, path, problems);
            case START_ARRAY -> array(p, path, problems);
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IllegalStateException("unexpected token " + p.currentToken());
        };
    }

    // Objects and arrays in methods of their own: the JIT then compiles three small methods instead of
    // one recursive one with every case inlined.
    private ObjectNode object(JsonParser p, String path, Problems problems) throws IOException {
        ObjectNode o = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = child(path, name);
            JsonLocation keyAt = p.currentTokenLocation();
            p.nextToken();
            JsonNode v = value(p, child, problems);
            // The key is where a person looks for a field, so it wins over the value's position.
            remember(child, keyAt);
            if (o.has(name)) {
                problems.errorAt(child, keyAt.getLineNr(), keyAt.getColumnNr(),
                        "字段 \"" + name + "\" 重复出现：每个字段只能写一次");
            }
            o.set(name, v);
        }
        return o;
    }

    private ArrayNode array(JsonParser p, String path, Problems problems) throws IOException {
        ArrayNode a = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(p, path + "[" + i++ + "]", problems));
        }
        return a;
    }

    private void remember(String path, JsonLocation at) {
        positions.put(path, new Locations.Where(at.getLineNr(), at.getColumnNr(), null));
    }

    static String child(String path, String name) {
        if (plainName(name)) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** Whether {@code name} can follow a dot in a path: [A-Za-z_$][A-Za-z0-9_$]* (a loop: it is asked for every key). */
    private static boolean plainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
