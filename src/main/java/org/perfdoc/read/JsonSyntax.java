package org.perfdoc.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Objects;

/** Words Jackson's syntax errors for people who are not programmers. */
final class JsonSyntax {
    private JsonSyntax() {
    }

    static String explain(JsonProcessingException e) {
        String m = Objects.requireNonNullElse(e.getOriginalMessage(), String.valueOf(e.getMessage()));
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "嵌套层数超过上限（本格式只需 6 层，文件可能已损坏）（" + m + "）";
            }
            if (m.contains("Number value length")) {
                return "数字位数过多（" + m + "）";
            }
            return "超出限制（" + m + "）";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "文件在中途结束，缺少右括号 } 或 ]（" + m + "）";
        }
        if (m.startsWith("Unexpected character") && m.contains("was expecting double-quote")) {
            return "字段名必须用英文双引号括起来，或者上一行末尾多了逗号（" + m + "）";
        }
        if (m.startsWith("Unexpected character") && m.contains("was expecting comma")) {
            return "缺少逗号：两个字段或元素之间要用英文逗号分隔（" + m + "）";
        }
        if (m.startsWith("Non-standard token 'NaN'") || m.contains("Infinity")) {
            return "NaN 和 Infinity 不是合法的数字（" + m + "）";
        }
        if (m.startsWith("Unrecognized token")) {
            return "无法识别的内容，文字要用英文双引号括起来（" + m + "）";
        }
        return m;
    }
}
