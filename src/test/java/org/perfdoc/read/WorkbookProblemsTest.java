package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.Perfdoc;
import org.perfdoc.Workbooks;
import org.perfdoc.problems.Problem;

/**
 * Every rule of a JSON file applies to a workbook unchanged, and each problem names the sheet and the
 * cell in the form {@code 2024.xlsx: 绩效指标!D14: 错误: …}.
 */
class WorkbookProblemsTest {
    /** The court example as a workbook, edited. */
    private static byte[] court(Consumer<XSSFWorkbook> edit) {
        XSSFWorkbook wb = Workbooks.open(Workbooks.of(Examples.COURT));
        edit.accept(wb);
        return Workbooks.bytes(wb);
    }

    private static XSSFCell cell(XSSFWorkbook wb, String sheet, int row, int col) {
        XSSFSheet s = wb.getSheet(sheet);
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        return (XSSFCell) (r.getCell(col) == null ? r.createCell(col) : r.getCell(col));
    }

    /** A formula saved without its result, as POI and other programs write one. */
    private static void formulaWithoutResult(XSSFCell cell, String formula) {
        cell.setCellFormula(formula);
        if (cell.getCTCell().isSetV()) {
            cell.getCTCell().unsetV();
        }
    }

    private static List<Problem> problems(byte[] workbook) {
        return Workbooks.problems("2024.xlsx", workbook);
    }

    private static Problem only(List<Problem> problems, String start) {
        List<Problem> found = problems.stream().filter(p -> p.toString().startsWith(start)).toList();
        assertEquals(1, found.size(), "one problem starting with\n" + start + "\nin\n" + Workbooks.printed(problems));
        return found.get(0);
    }

    @Test
    void anUnknownSecondLevelIsNamedAtItsCellWithTheChoices() {
        List<Problem> problems = problems(court(wb -> cell(wb, "绩效指标", 13, 3).setCellValue("数量")));
        Problem p = only(problems, "2024.xlsx: 绩效指标!D14: 错误: ");
        assertTrue(p.message().contains("下没有二级指标 \"数量\"，可选：数量指标、质量指标、时效指标、成本指标"), p.toString());
        assertEquals("绩效指标!D14", p.cell());
        assertEquals("$.units[0].projects[3].indicators[0].level2", p.path(), "the model's path is kept too");
    }

    @Test
    void aTotalThatIsNotTheSumIsAnErrorAtTheTotalsCell() {
        Problem p = only(problems(court(wb -> cell(wb, "项目", 1, 5).setCellValue(141))), "2024.xlsx: 项目!F2: 错误: ");
        assertTrue(p.message().startsWith("总计 141.00 不等于 财政拨款 + 财政专户拨款 + 其他资金 = 140.00 + 0.00 + 0.00 = 140.00"),
                p.message());
    }

    @Test
    void anAmountThatIsNotANumberSaysWhatWasTyped() {
        Problem p = only(problems(court(wb -> cell(wb, "项目", 1, 2).setCellValue("1,40"))), "2024.xlsx: 项目!C2: 错误: ");
        assertEquals("财政拨款：不是数字：\"1,40\"（千位分隔符应每三位一个）", p.message());
        Problem unit = only(problems(court(wb -> cell(wb, "项目", 1, 2).setCellValue("140万元"))), "2024.xlsx: 项目!C2: 错误: ");
        assertTrue(unit.message().contains("单位写在“基本信息”的金额单位里"), unit.message());
    }

    @Test
    void aCharacterTheFontsCannotDrawIsRefusedAtItsCell() {
        Problem p = only(problems(court(wb -> cell(wb, "项目", 1, 6).setCellValue("保障😀工作"))), "2024.xlsx: 项目!G2: 错误: ");
        assertTrue(p.message().contains("无法用内置字体显示"), p.message());
    }

    @Test
    void limitsApplyAsToJson() {
        Perfdoc few = Perfdoc.create(new Perfdoc.Settings(null, Limits.DEFAULT.withMaxProjects(2), null));
        List<Problem> projects = few.validate(few.read("2024.xlsx", Workbooks.of(Examples.COURT)));
        assertTrue(projects.stream().anyMatch(p -> p.toString().equals(
                "2024.xlsx: 项目!A2: 错误: 项目共 17 个，超过上限 2（确有需要可用 --max-projects 调整）")),
                Workbooks.printed(projects));
        Perfdoc strict = Perfdoc.create(new Perfdoc.Settings(null, Limits.DEFAULT.withMaxTextLength(40), null));
        List<Problem> problems = strict.validate(strict.read("2024.xlsx", Workbooks.of(Examples.COURT)));
        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.message().contains("--max-text")
                && p.cell() != null && p.cell().startsWith("项目!G")), Workbooks.printed(problems));
    }

    @Test
    void aBlankRequiredCellIsMissingThere() {
        List<Problem> problems = problems(court(wb -> wb.getSheet("项目").getRow(2).removeCell(cell(wb, "项目", 2, 1))));
        assertTrue(problems.stream().anyMatch(p -> p.toString().equals("2024.xlsx: 项目!B3: 错误: 缺少项目名称")),
                Workbooks.printed(problems));
    }

    @Test
    void aMissingColumnOrSheetIsNamedWithWhatWasFound() {
        Problem column = only(problems(court(wb -> cell(wb, "项目", 0, 1).setCellValue("名称"))), "2024.xlsx: 项目!A1: 错误: ");
        assertTrue(column.message().startsWith("缺少列“项目名称”；找到的表头：资金使用单位、名称、财政拨款"), column.message());
        Problem sheet = only(problems(court(wb -> wb.removeSheetAt(wb.getSheetIndex("绩效指标")))), "2024.xlsx: 错误: ");
        assertTrue(sheet.message().startsWith("缺少工作表“绩效指标”；工作簿中的工作表：填写说明、基本信息、项目"), sheet.message());
    }

    @Test
    void anIndicatorOfAnUnknownProjectSuggestsTheClosestName() {
        List<Problem> problems = problems(court(wb -> cell(wb, "绩效指标", 1, 1).setCellValue("其他机构运行经")));
        Problem p = only(problems, "2024.xlsx: 绩效指标!B2: 错误: ");
        assertTrue(p.message().endsWith("不在“项目”表中；是否应为“其他机构运行经费”？"), p.message());
    }

    @Test
    void aFormulaIsComputedOnlyWhenItStaysInsideTheWorkbook() {
        // a result of #VALUE! is an error with a hint; INDIRECT saved without a result is not computed
        List<Problem> value = problems(court(wb -> {
            cell(wb, "项目", 1, 7).setCellValue("一百");
            formulaWithoutResult(cell(wb, "项目", 1, 5), "C2+H2");
        }));
        Problem p = only(value, "2024.xlsx: 项目!F2: 错误: ");
        assertEquals("总计：公式 =C2+H2 的结果是错误值 #VALUE!（所引用的单元格中有文字或空格？）", p.message());
        List<Problem> indirect = problems(court(wb -> formulaWithoutResult(cell(wb, "项目", 1, 5), "SUM(INDIRECT(\"C2:E2\"))")));
        Problem q = only(indirect, "2024.xlsx: 项目!F2: 错误: ");
        assertTrue(q.message().contains("没有保存计算结果，且含有函数 INDIRECT，不计算"), q.message());
        List<Problem> column = problems(court(wb -> formulaWithoutResult(cell(wb, "项目", 1, 5), "SUM(C:C)-SUM(C3:C1048576)")));
        assertTrue(only(column, "2024.xlsx: 项目!F2: 错误: ").message().contains("引用区域过大"));
    }

    @Test
    void anExternalLinkIsNeverOpened() throws Exception {
        byte[] uncached = court(wb -> {
            try (XSSFWorkbook other = new XSSFWorkbook()) {
                other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(140);
                wb.linkExternalWorkbook("other.xlsx", other);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            formulaWithoutResult(cell(wb, "项目", 1, 5), "[other.xlsx]Sheet1!A1");
        });
        List<Problem> problems = problems(uncached);
        assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith("2024.xlsx: 警告: 工作簿含有 1 个外部链接")),
                Workbooks.printed(problems));
        Problem p = only(problems, "2024.xlsx: 项目!F2: 错误: ");
        assertTrue(p.message().contains("引用了其他工作簿"), p.message());
        // with a result saved (as Excel saves it), that result is used and the formula is named
        byte[] cached = court(wb -> {
            try (XSSFWorkbook other = new XSSFWorkbook()) {
                other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(140);
                wb.linkExternalWorkbook("other.xlsx", other);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            XSSFCell c = cell(wb, "项目", 1, 5);
            c.setCellFormula("[other.xlsx]Sheet1!A1");
            c.setCellValue(140);
        });
        List<Problem> withResult = problems(cached);
        assertTrue(withResult.stream().noneMatch(Problem::isError), Workbooks.printed(withResult));
        assertTrue(withResult.stream().anyMatch(x -> x.toString().startsWith("2024.xlsx: 项目!F2: 警告: 公式 =")
                && x.message().contains("引用了其他工作簿：不更新外部链接，使用保存时的结果")), Workbooks.printed(withResult));
    }

    @Test
    void aProjectTwiceInOneUnitCannotBeMatched() {
        List<Problem> problems = problems(court(wb -> cell(wb, "项目", 2, 1).setCellValue("其他机构运行经费")));
        Problem p = only(problems, "2024.xlsx: 项目!B3: 错误: ");
        assertTrue(p.message().startsWith("项目名称“其他机构运行经费”在“广东省广州市中级人民法院”中重复（另见 项目!B2）"), p.message());
    }

    @Test
    void aWrongOrMissingStyleListsTheStyles() {
        Problem wrong = only(problems(court(wb -> cell(wb, "基本信息", 1, 1).setCellValue("beijing"))),
                "2024.xlsx: 基本信息!B2: 错误: ");
        assertEquals("未知版式 \"beijing\"，可选：guangzhou、shanghai", wrong.message());
        Problem blank = only(problems(court(wb -> cell(wb, "基本信息", 1, 1).setBlank())), "2024.xlsx: 基本信息!B2: 错误: ");
        assertEquals("缺少版式，可选：guangzhou、shanghai", blank.message());
    }
}
