package org.perfdoc.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfdoc.validate.Validations.only;
import static org.perfdoc.validate.Validations.problems;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.problems.Problem;

/** The Shanghai sheet's own rules, with the exact message and path. */
class ShanghaiValidationTest {
    static final String INDICATOR = "{ \"level1\": \"产出目标\", \"level2\": \"数量\", \"name\": \"招聘计划完成率\", \"value\": \"=100%\" }";

    static String doc(String replaceFrom, String replaceTo) {
        return """
                {
                  "style": "shanghai",
                  "year": 2020,
                  "department": "上海市第一中级人民法院",
                  "units": [ { "name": "上海市第一中级人民法院", "projects": [ {
                    "name": "审判辅助人员经费",
                    "category": "其他一次性项目",
                    "startDate": "2020-01-01",
                    "endDate": "2020-12-31",
                    "governmentPurchase": true,
                    "performanceType": "其他类",
                    "overview": "概况。",
                    "basis": "依据。",
                    "necessity": "必要性。",
                    "safeguards": "措施。",
                    "plan": "计划。",
                    "goal": "目标。",
                    "budget": { "total": 10144000, "current": 10144000, "priorYearBudget": 10400000, "priorYearExecuted": 10400000 },
                    "indicators": [ %s ]
                  } ] } ]
                }
                """.formatted(INDICATOR).replace(replaceFrom, replaceTo);
    }

    static List<String> messages(String json) {
        return problems(json).stream().map(p -> p.severity().label() + " " + p.path() + ": " + p.message()).toList();
    }

    @Test
    void aCompleteSheetIsValid() {
        assertEquals(List.of(), problems(doc("", "")));
    }

    @Test
    void unknownFirstLevelIsAnError() {
        Problem p = only(problems(doc("\"产出目标\"", "\"产出\"")));
        assertEquals("错误 $.units[0].projects[0].indicators[0].level1: 未知的一级目标 \"产出\"，可选：投入与管理、产出目标、效果目标、影响力目标",
                p.severity().label() + " " + p.path() + ": " + p.message());
    }

    @Test
    void unknownSecondLevelIsAWarningNamingTheKnownOnes() {
        Problem p = only(problems(doc("\"数量\"", "\"产量\"")));
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals("\"产出目标\" 下没有二级目标 \"产量\"，可选：数量、质量、时效、成本", p.message());
    }

    @Test
    void everyIndicatorNeedsASecondLevel() {
        Problem p = only(problems(doc("\"level2\": \"数量\", ", "")));
        assertEquals("$.units[0].projects[0].indicators[0].level2", p.path());
        assertEquals("缺少二级目标，\"产出目标\" 下可选：数量、质量、时效、成本", p.message());
    }

    @Test
    void endDateMustNotPrecedeStartDate() {
        Problem p = only(problems(doc("\"endDate\": \"2020-12-31\"", "\"endDate\": \"2019-12-31\"")));
        assertEquals("$.units[0].projects[0].endDate", p.path());
        assertEquals(9, p.line());
        assertEquals("计划完成日期 2019-12-31 早于计划开始日期 2020-01-01", p.message());
    }

    @Test
    void datesAreIso() {
        Problem p = only(problems(doc("\"2020-01-01\"", "\"2020/1/1\"")));
        assertEquals("$.units[0].projects[0].startDate", p.path());
        assertEquals("应为日期，格式 YYYY-MM-DD（如 2020-01-01），实际为 \"2020/1/1\"", p.message());
    }

    @Test
    void governmentPurchaseIsABoolean() {
        Problem p = only(problems(doc("\"governmentPurchase\": true", "\"governmentPurchase\": \"是\"")));
        assertEquals("应为 true（是）或 false（否），实际为字符串 \"是\"", p.message());
    }

    @Test
    void budgetAmountsAreNotNegative() {
        Problem p = only(problems(doc("\"current\": 10144000", "\"current\": -1")));
        assertEquals("$.units[0].projects[0].budget.current", p.path());
        assertEquals("项目当年预算不能为负数，实际为 -1", p.message());
    }

    @Test
    void fieldsTheSheetPrintsAreRequired() {
        assertEquals(List.of("错误 $.units[0].projects[0].category: 缺少必填字段 \"category\"（项目类别）：版式 shanghai 需要它",
                        "错误 $.units[0].projects[0].budget: 缺少必填字段 \"budget\"（本项目上年度市级财政资金使用情况）：版式 shanghai 需要它"),
                messages(doc("\"category\": \"其他一次性项目\",", "").replaceAll("\"budget\": \\{[^}]*},", "")));
    }

    @Test
    void interruptedGroupsAreAWarningAndAreRegrouped() {
        String three = INDICATOR + ", " + INDICATOR.replace("产出目标", "效果目标").replace("数量", "满意度") + ", " + INDICATOR;
        List<String> ms = messages(doc(INDICATOR, three));
        assertEquals(List.of("警告 $.units[0].projects[0].indicators[2]: 指标不连续：\"产出目标\" 的指标前面已经出现过，"
                + "中间隔着其他指标；打印时按首次出现的位置归到一组（组内保持原顺序）"), ms);
    }

    @Test
    void narrativeTextIsCheckedLikeEveryOtherText() {
        Problem p = only(problems(doc("\"计划。\"", "\"计划\\u0007。\"")));
        assertEquals("$.units[0].projects[0].plan", p.path());
        assertEquals("项目实施计划含有文档中不允许的控制字符或非字符 U+0007（第 3 个字符），请删除（常见于从其他软件复制的文字）",
                p.message());
    }

    @Test
    void theExampleIsValid() {
        assertEquals(List.of(), org.perfdoc.Examples.PERFDOC.validate(
                Examples.read(Path.of("examples/shanghai-first-intermediate-court-2020.json"))));
    }
}
