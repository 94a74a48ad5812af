package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.Workbooks;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Problem;
import org.perfdoc.render.Format;

/** What people really save reads as they meant it, with a warning wherever something was taken on trust. */
class MessyWorkbookTest {
    private static TargetDocument valid(byte[] workbook, List<Problem> problems) {
        ReadResult read = Examples.PERFDOC.read("2024.xlsx", workbook);
        problems.addAll(Examples.PERFDOC.validate(read));
        assertTrue(problems.stream().noneMatch(Problem::isError), Workbooks.printed(problems));
        return read.document();
    }

    private static void printed(List<Problem> problems, String line) {
        assertTrue(problems.stream().anyMatch(p -> p.toString().equals(line)), "expected\n" + line + "\nin\n"
                + Workbooks.printed(problems));
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void guangzhouAsTypedByHand() {
        List<Problem> problems = new java.util.ArrayList<>();
        TargetDocument doc = valid(MessyWorkbooks.guangzhou(), problems);
        assertEquals(2025, doc.year(), "预算年度 ２０２５年: an alias, full-width digits and 年");
        assertEquals("广州市某局（本级）", doc.department(), "outer spaces and no-break spaces trimmed");
        assertEquals("plain", doc.indicatorFormat(), "简明, the label of the choice");
        assertEquals(List.of("广州市某局", "广州市某中心"), doc.units().stream().map(u -> u.name()).toList());
        // a merged 资金使用单位 (B3:B4) is meant for both rows; columns are found by header, in any order
        List<Project> first = doc.units().get(0).projects();
        assertEquals(List.of("机构运行辅助经费", "信息化运维"), first.stream().map(Project::name).toList());
        assertEquals(0, n("572.9").compareTo(first.get(0).amounts().fiscal()));
        assertEquals(0, n("572.9").compareTo(first.get(0).amounts().declaredTotal()),
                "=SUM(C3:E3) saved without a result is computed");
        assertEquals("为审判执行部门配备辅助人员。\n第二段。", first.get(0).goal(), "CR LF in a cell is a line break");
        assertEquals(0, n("1234.56").compareTo(first.get(1).amounts().fiscal()), "\"1,234.56\" typed as text");
        assertEquals(0, BigDecimal.ZERO.compareTo(first.get(1).amounts().specialAccount()), "full-width ０");
        List<Project> second = doc.units().get(1).projects();
        assertEquals(0, n("88.8").compareTo(second.get(0).amounts().fiscal()), "\"88.8 \" with a trailing space");
        assertEquals(0, n("10").compareTo(second.get(0).amounts().other()), "no-break and ideographic spaces");
        assertEquals("隐藏的项目", second.get(1).name(), "a hidden row is read");
        // a project merged over three indicator rows, 一级 over two; a number shown as 0% stays as shown
        List<Indicator> indicators = first.get(0).indicators();
        assertEquals(3, indicators.size());
        assertEquals(new Indicator("产出指标", "数量指标", "辅助人员数量", "45", "15"), indicators.get(0));
        assertEquals(new Indicator("产出指标", "质量指标", "考核合格率", null, "100%"), indicators.get(1));
        assertEquals("满意度指标", indicators.get(2).level1());

        printed(problems, "2024.xlsx: 基本信息!A6: 警告: “联系人”不是本表的项目，已忽略");
        printed(problems, "2024.xlsx: 项目!G2: 警告: 列 G 的表头“备注”不是本表的列，已忽略");
        printed(problems, "2024.xlsx: 项目!A8: 警告: 第 8 行只有单位和金额、没有项目名称，看起来是单位小计行，已跳过");
        printed(problems, "2024.xlsx: 项目!A10: 警告: 第 10 行是“合  计”行，已跳过");
        printed(problems, "2024.xlsx: 项目: 警告: 第 7 行是隐藏行，仍然读入");
        printed(problems, "2024.xlsx: 绩效指标!G1: 警告: 列 G（实施周期指标值）是隐藏列，仍然读入");
        assertTrue(Examples.PERFDOC.render(doc, Format.PDF).pages() >= 1, "and it renders");
    }

    @Test
    void shanghaiDatesInEveryFormAndAmountsAsText() {
        List<Problem> problems = new java.util.ArrayList<>();
        TargetDocument doc = valid(MessyWorkbooks.shanghai(), problems);
        List<Project> projects = doc.projects();
        assertEquals(4, projects.size());
        for (Project p : projects) {
            assertEquals(LocalDate.of(2020, 1, 1), p.startDate(), p.name());
            assertEquals(LocalDate.of(2020, 12, 31), p.endDate(), p.name());
            assertEquals(0, n("10144000").compareTo(p.budget().total()), p.name() + ": \"10,144,000\"");
            assertEquals(0, n("10400000").compareTo(p.budget().priorYearExecuted()), p.name() + ": full-width digits");
            assertEquals(2, p.indicators().size(), p.name() + ": merged 项目名称, 一级 and 二级 cover both rows");
            assertEquals("=100%", p.indicators().get(1).value(), "a value starting with = is text");
        }
        assertEquals(List.of(true, false, false, true), projects.stream().map(Project::governmentPurchase).toList(),
                "是, FALSE, 否, TRUE");
        printed(problems, "2024.xlsx: 项目!D3: 警告: 计划开始日期：数字 43831 按 Excel 日期序号读作 2020-01-01");
        assertNull(doc.title());
    }
}
