package org.perfdoc.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfdoc.validate.Validations.only;
import static org.perfdoc.validate.Validations.problems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;

/** Every validation rule, with the exact message, JSON path and position a user sees. */
class ValidationTest {

    /** A valid document with one project; {@code %s} slots take the parts a test varies. */
    static String doc(String amounts, String indicator) {
        return """
                {
                  "style": "guangzhou",
                  "year": 2024,
                  "department": "广州市司法局",
                  "units": [
                    { "name": "广州市司法局",
                      "projects": [
                        { "name": "机构运行辅助经费",
                          "amounts": %s,
                          "goal": "为审判执行部门配备辅助人员。",
                          "indicators": [ %s ] } ] } ]
                }
                """.formatted(amounts, indicator);
    }

    static final String AMOUNTS = "{ \"fiscal\": 572.90, \"total\": 572.90 }";
    static final String INDICATOR =
            "{ \"level1\": \"产出指标\", \"level2\": \"质量指标\", \"name\": \"考核合格率\", \"value\": \"≥95%\" }";

    @Test
    void aValidDocumentHasNoProblems() {
        assertEquals(List.of(), problems(doc(AMOUNTS, INDICATOR)));
    }

    @Test
    void examplesAreValid() {
        assertEquals(List.of(), Examples.PERFDOC.validate(Examples.read(Examples.COURT)));
        assertEquals(List.of(), Examples.PERFDOC.validate(Examples.read(Examples.JUSTICE)));
    }

    @Test
    void validatingChangesNothingSoTwiceGivesEachProblemOnce() {
        ReadResult read = Examples.PERFDOC.read("in.json", doc("{ \"fiscal\": -1 }", "{ \"level1\": \"产出\", \"amount\": 1 }")
                .getBytes(StandardCharsets.UTF_8));
        List<Problem> reading = List.copyOf(read.problems().all());
        List<Problem> first = Examples.PERFDOC.validate(read);
        assertEquals(first, Examples.PERFDOC.validate(read));
        assertEquals(reading, read.problems().all(), "the reader's problems are left as they were");
        assertTrue(first.size() > reading.size(), first.toString());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = doc(AMOUNTS, INDICATOR).replace("\"year\": 2024,", "\"year\": 2024");
        Problem p = only(problems(json));
        assertEquals("in.json:4:3: 错误: $.year: JSON 语法错误：缺少逗号：两个字段或元素之间要用英文逗号分隔"
                + "（Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries）",
                p.toString());
    }

    @Test
    void truncatedFileSaysSo() {
        String json = doc(AMOUNTS, INDICATOR);
        Problem p = only(problems(json.substring(0, json.indexOf("\"goal\""))));
        assertTrue(p.message().startsWith("JSON 语法错误：文件在中途结束，缺少右括号 } 或 ]"), p.message());
    }

    @Test
    void unknownFieldSuggestsTheClosestKnownName() {
        // Only the misspelling is reported, not also "amounts" missing.
        Problem p = only(problems(doc(AMOUNTS, INDICATOR).replace("\"amounts\"", "\"amount\"")));
        assertEquals("$.units[0].projects[0].amount", p.path());
        assertEquals(9, p.line());
        assertEquals(11, p.column());
        assertEquals("未知字段 \"amount\"，是否应为 \"amounts\"？可用字段：name、amounts、goal、indicators、category、"
                + "startDate、endDate、governmentPurchase、performanceType、overview、basis、necessity、safeguards、"
                + "plan、budget", p.message());
    }

    @Test
    void unknownFieldWithNothingCloseListsTheKnownOnes() {
        Problem p = only(problems(doc(AMOUNTS, INDICATOR).replace("\"year\": 2024,", "\"year\": 2024, \"remark\": 1,")));
        assertEquals("$.remark", p.path());
        assertEquals("未知字段 \"remark\"。可用字段：$schema、style、year、department、title、amountUnit、"
                + "indicatorFormat、note、units", p.message());
    }

    @Test
    void wrongTypesAreNamedWithWhatWasExpected() {
        List<Problem> ps = problems(doc("{ \"fiscal\": \"1,234.56\" }",
                INDICATOR.replace("\"≥95%\"", "95")).replace("2024", "\"2024\""));
        assertEquals(3, ps.size(), ps.toString());
        assertEquals("$.year", ps.get(0).path());
        assertEquals("应为整数（如 2024），实际为字符串 \"2024\"", ps.get(0).message());
        assertEquals("$.units[0].projects[0].amounts.fiscal", ps.get(1).path());
        assertEquals("金额应为数字，如 1234.56（不加引号、不加千位分隔符），实际为字符串 \"1,234.56\"", ps.get(1).message());
        assertEquals("$.units[0].projects[0].indicators[0].value", ps.get(2).path());
        assertEquals("应为字符串，实际为数字 95（数值也要写成文字，如 \"95\"）", ps.get(2).message());
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        List<Problem> ps = problems("""
                { "style": "guangzhou", "units": [ { "projects": [ { "amounts": {}, "indicators": [ {} ] } ] } ] }""");
        assertEquals(List.of(
                "$.year: 缺少必填字段 \"year\"（年度）",
                "$.department: 缺少必填字段 \"department\"（部门名称）",
                "$.units[0].name: 缺少必填字段 \"name\"（资金使用单位名称）",
                "$.units[0].projects[0].name: 缺少必填字段 \"name\"（项目名称）",
                "$.units[0].projects[0].indicators[0].level1: 缺少必填字段 \"level1\"（一级指标）",
                "$.units[0].projects[0].indicators[0].name: 缺少必填字段 \"name\"（三级指标）",
                "$.units[0].projects[0].indicators[0].value: 缺少必填字段 \"value\"（年度指标值）",
                "$.units[0].projects[0].goal: 项目没有绩效目标，该格将留空"),
                ps.stream().map(p -> p.path() + ": " + p.message()).toList());
        assertEquals(Problem.Severity.WARNING, ps.get(7).severity());
    }

    @Test
    void totalMustEqualTheSumOfItsSources() {
        Problem p = only(problems(doc("{ \"fiscal\": 572.90, \"other\": 0.01, \"total\": 572.90 }", INDICATOR)));
        assertEquals("$.units[0].projects[0].amounts.total", p.path());
        assertEquals(9, p.line());
        assertEquals("总计 572.90 不等于 财政拨款 + 财政专户拨款 + 其他资金 = 572.90 + 0 + 0.01 = 572.91；"
                + "请改为 572.91 或删去总计，由程序计算", p.message());
    }

    @Test
    void amountsMayCarryMorePrecisionThanPrinted() {
        assertEquals(List.of(), problems(doc("{ \"fiscal\": 572.905, \"other\": 0.0001, \"total\": 572.9051 }", INDICATOR)));
    }

    @Test
    void absurdNumbersAreRefusedNotThrown() {
        // found by the reader fuzz target: Jackson threw NumberFormatException past the reader
        Problem p = only(problems(doc("{ \"fiscal\": 14444400000000000e00017225521252362360356 }", INDICATOR)));
        assertTrue(p.message().startsWith("数字无法识别（指数过大或格式有误）"), p.message());
        Problem q = only(problems(doc("{ \"fiscal\": 1e999999 }", INDICATOR)));
        assertEquals("金额超出范围：应小于 10¹⁵ 且最多 10 位小数，实际为 1E+999999", q.message());
        Problem r = only(problems(doc("{ \"fiscal\": 0.00000000001 }", INDICATOR)));
        assertEquals("$.units[0].projects[0].amounts.fiscal", r.path());
    }

    @Test
    void negativeAmountsAreRefused() {
        Problem p = only(problems(doc("{ \"specialAccount\": -5 }", INDICATOR)));
        assertEquals("in.json:9:24: 错误: $.units[0].projects[0].amounts.specialAccount: 财政专户拨款不能为负数，实际为 -5",
                p.toString());
    }

    @Test
    void unknownIndicatorLevelsListTheAllowedOnes() {
        Problem p1 = only(problems(doc(AMOUNTS, INDICATOR.replace("产出指标", "产出"))));
        assertEquals("$.units[0].projects[0].indicators[0].level1", p1.path());
        assertEquals("未知的一级指标 \"产出\"，可选：产出指标、效益指标、满意度指标、成本指标", p1.message());

        Problem p2 = only(problems(doc(AMOUNTS, INDICATOR.replace("质量指标", "社会效益"))));
        assertEquals("$.units[0].projects[0].indicators[0].level2", p2.path());
        assertEquals("\"产出指标\" 下没有二级指标 \"社会效益\"，可选：数量指标、质量指标、时效指标、成本指标", p2.message());
    }

    @Test
    void codedLinesNeedASecondLevelButPlainLinesDoNot() {
        String noLevel2 = "{ \"level1\": \"满意度指标\", \"name\": \"满意度\", \"value\": \"≥90%\" }";
        Problem p = only(problems(doc(AMOUNTS, noLevel2)));
        assertEquals("缺少二级指标（指标格式 \"coded\" 需要它），\"满意度指标\" 下可选：服务对象满意度", p.message());
        String plain = doc(AMOUNTS, noLevel2).replace("\"year\": 2024,", "\"year\": 2024, \"indicatorFormat\": \"plain\",");
        assertEquals(List.of(), problems(plain));
    }

    @Test
    void emptyIndicatorNamesAndValuesAreRefused() {
        List<Problem> ps = problems(doc(AMOUNTS, INDICATOR.replace("考核合格率", " ").replace("≥95%", "")));
        assertEquals(List.of("$.units[0].projects[0].indicators[0].name: 三级指标不能为空",
                        "$.units[0].projects[0].indicators[0].value: 年度指标值不能为空"),
                ps.stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    @Test
    void charactersIllegalInXmlAreNamed() {
        List<Problem> ps = problems(doc(AMOUNTS, INDICATOR)
                .replace("机构运行辅助经费", "机构\\u0001运行\\uFFFE辅助\\uD800经费"));
        Problem p = only(ps);
        assertEquals("$.units[0].projects[0].name", p.path());
        assertEquals("项目名称含有文档中不允许的控制字符或非字符 U+0001（第 3 个字符）、U+FFFE（第 6 个字符）、"
                + "U+D800（第 9 个字符），请删除（常见于从其他软件复制的文字）", p.message());
    }

    @Test
    void charactersNoBundledFontCanDrawAreNamed() {
        Problem p = only(problems(doc(AMOUNTS, INDICATOR).replace("为审判执行部门配备辅助人员。", "目标\\uDBFF\\uDFFD。")));
        assertEquals("$.units[0].projects[0].goal", p.path());
        assertEquals("绩效目标中的字符 \"\uDBFF\uDFFD\"（U+10FFFD） 无法用内置字体显示（宋体（AR PL UMing CN） 没有这个字形），"
                + "打印出来会是空白；请换用常用写法", p.message());
    }

    @Test
    void unknownStyleListsTheKnownStyles() {
        Problem p = only(problems(doc(AMOUNTS, INDICATOR).replace("\"guangzhou\"", "\"beijing\"")));
        assertEquals("$.style", p.path());
        assertTrue(p.message().startsWith("未知版式 \"beijing\"，可选：guangzhou"), p.message());
    }

    @Test
    void duplicateKeysAreReported() {
        Problem p = only(problems(doc(AMOUNTS, INDICATOR).replace("\"year\": 2024,", "\"year\": 2024, \"year\": 2025,")));
        assertEquals("$.year", p.path());
        assertEquals("字段 \"year\" 重复出现：每个字段只能写一次", p.message());
    }

    @Test
    void projectsWithoutIndicatorsAreWarningsNotErrors() {
        Problem p = only(problems(doc(AMOUNTS, "")));
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals("$.units[0].projects[0].indicators: 项目没有绩效指标，该格将留空", p.path() + ": " + p.message());
    }

    @Test
    void aDocumentWithoutAnyProjectIsRefused() {
        // found by the render fuzz target: such a file gave a blank page and an empty Word file
        List<Problem> ps = problems(doc(AMOUNTS, INDICATOR).replaceAll("\"projects\": \\[[\\s\\S]*\\] \\} \\]", "\"projects\": [] } ]"));
        assertEquals(List.of("错误 $.units: 文件中没有任何项目：至少需要一个项目才能生成绩效目标表",
                        "警告 $.units[0].projects: 该单位没有项目，只打印单位行"),
                ps.stream().map(p -> p.severity().label() + " " + p.path() + ": " + p.message()).toList());
    }

    @Test
    void allProblemsOfAFileComeAtOnce() {
        String json = doc("{ \"fiscal\": -1, \"total\": 3 }", INDICATOR.replace("产出指标", "产出"))
                .replace("\"units\"", "\"unit\": 1, \"units\"");
        assertEquals(4, problems(json).size(), problems(json).toString());
    }

    @Test
    void aFileThatIsNotJsonAtAllGivesOneProblemAndNoDocument() {
        ReadResult read = Examples.PERFDOC.read("in.json", "项目名称,金额".getBytes(StandardCharsets.UTF_8));
        assertNull(read.document());
        assertEquals(1, Examples.PERFDOC.validate(read).size());
    }
}
