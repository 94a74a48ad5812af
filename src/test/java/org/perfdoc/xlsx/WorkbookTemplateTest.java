package org.perfdoc.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Examples;
import org.perfdoc.Office;
import org.perfdoc.PdfText;
import org.perfdoc.Workbooks;
import org.perfdoc.style.Style;
import org.perfdoc.style.Taxonomy;
import org.perfdoc.style.WorkbookLayout;

/** The empty workbook of each style, opened with POI: sheets, headers, comments, lists, formats. */
class WorkbookTemplateTest {
    @TempDir
    Path dir;

    private static Style style(String name) {
        return Examples.PERFDOC.styles().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> headers(XSSFSheet sheet) {
        List<String> h = new ArrayList<>();
        sheet.getRow(0).forEach(c -> h.add(c.getStringCellValue()));
        return h;
    }

    @Test
    void guangzhouHasTheSheetsAndColumnsOfTheWideTable() throws Exception {
        try (XSSFWorkbook wb = Workbooks.open(Examples.PERFDOC.workbookTemplate("guangzhou"))) {
            assertEquals(List.of("填写说明", "基本信息", "项目", "绩效指标", "下拉列表"), sheetNames(wb));
            assertTrue(wb.isSheetHidden(4), "the list sheet is hidden");
            assertEquals(List.of("资金使用单位", "项目名称", "财政拨款", "财政专户拨款", "其他资金", "总计", "绩效目标"),
                    headers(wb.getSheet("项目")));
            assertEquals(List.of("资金使用单位", "项目名称", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"),
                    headers(wb.getSheet("绩效指标")));
            assertTrue(formLabels(wb.getSheet("基本信息")).containsAll(List.of("版式", "年度", "部门名称", "金额单位", "注")));
            assertEquals("guangzhou", wb.getSheet("基本信息").getRow(1).getCell(1).getStringCellValue(), "版式 is filled in");
        }
    }

    @Test
    void shanghaiHasTheSheetFieldsAndTheThreeTierGrid() throws Exception {
        try (XSSFWorkbook wb = Workbooks.open(Examples.PERFDOC.workbookTemplate("shanghai"))) {
            assertEquals(List.of("填写说明", "基本信息", "项目", "绩效目标", "下拉列表"), sheetNames(wb));
            List<String> projects = headers(wb.getSheet("项目"));
            assertTrue(projects.containsAll(List.of("资金使用单位", "项目名称", "项目类别", "计划开始日期", "计划完成日期",
                    "是否含有政府购买服务", "绩效类型", "项目概况", "立项依据", "项目设立的必要性", "保证项目实施的制度、措施",
                    "项目实施计划", "项目总预算", "项目当年预算", "同名项目上年预算额", "同名项目上年预算执行数")), projects.toString());
            assertEquals(List.of("资金使用单位", "项目名称", "一级目标", "二级目标", "三级目标", "指标目标值"),
                    headers(wb.getSheet("绩效目标")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou", "shanghai"})
    void headersAreFrozenStyledAndCommented(String name) throws Exception {
        WorkbookLayout layout = style(name).workbook();
        try (XSSFWorkbook wb = Workbooks.open(Examples.PERFDOC.workbookTemplate(name))) {
            for (WorkbookLayout.Table t : List.of(layout.projects(), layout.indicators())) {
                XSSFSheet sheet = wb.getSheet(t.sheet());
                assertTrue(sheet.getPaneInformation().isFreezePane(), t.sheet() + " is frozen");
                assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), t.sheet() + ": the header row stays");
                for (int i = 0; i < t.columns().size(); i++) {
                    WorkbookLayout.Column c = t.columns().get(i);
                    XSSFCell cell = sheet.getRow(0).getCell(i);
                    assertTrue(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold(), c.header() + " is bold");
                    assertEquals(FillPatternType.SOLID_FOREGROUND, cell.getCellStyle().getFillPattern(), c.header());
                    assertNotNull(cell.getCellComment(), c.header() + " has a comment");
                    String comment = cell.getCellComment().getString().getString();
                    assertTrue(comment.contains(c.comment()), c.header() + ": " + comment);
                    assertEquals(c.isRequired(), comment.startsWith("【必填】"), c.header() + ": " + comment);
                }
            }
            XSSFSheet help = wb.getSheet(layout.help().sheet());
            String text = allText(help);
            for (WorkbookLayout.Column c : layout.projects().columns()) {
                assertTrue(text.contains(c.header()) && text.contains(c.comment()), "help explains " + c.header());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou", "shanghai"})
    void levelCellsDropDownTheTaxonomyFromAHiddenSheetOfNames(String name) throws Exception {
        Style style = style(name);
        WorkbookLayout.Table t = style.workbook().indicators();
        Taxonomy taxonomy = style.taxonomy();
        try (XSSFWorkbook wb = Workbooks.open(Examples.PERFDOC.workbookTemplate(name))) {
            XSSFSheet sheet = wb.getSheet(t.sheet());
            String level1Col = CellReference.convertNumToColString(t.index("level1"));
            Map<String, String> listOf = new java.util.HashMap<>();
            for (DataValidation v : sheet.getDataValidations()) {
                int col = v.getRegions().getCellRangeAddress(0).getFirstColumn();
                if (v.getValidationConstraint().getFormula1() != null) {
                    listOf.put(t.columns().get(col).key(), v.getValidationConstraint().getFormula1());
                }
                assertTrue(v.getRegions().getCellRangeAddress(0).getLastRow() >= 1000, "lists reach rows yet to be filled");
            }
            String level1 = style.workbook().lists().level1Name();
            assertEquals(level1, listOf.get("level1"));
            assertEquals("INDIRECT($" + level1Col + "2)", listOf.get("level2"));
            Name names = wb.getName(level1);
            XSSFSheet lists = wb.getSheet(style.workbook().lists().sheet());
            assertEquals(taxonomy.level1Names(), column(lists, names.getRefersToFormula()));
            for (Taxonomy.Level l : taxonomy.levels()) {
                // a literal list holds 255 characters at most: the names live on the hidden sheet
                assertEquals(l.childNames(), column(lists, wb.getName(l.name()).getRefersToFormula()), l.name());
            }
        }
    }

    @Test
    void amountsAreTwoDecimalNumbersAndDatesAreDates() throws Exception {
        try (XSSFWorkbook wb = Workbooks.open(Examples.PERFDOC.workbookTemplate("guangzhou"))) {
            XSSFSheet p = wb.getSheet("项目");
            for (int i = 2; i <= 5; i++) {
                assertEquals("#,##0.00", p.getColumnStyle(i).getDataFormatString(), headers(p).get(i));
            }
            assertEquals("@", p.getColumnStyle(6).getDataFormatString(), "绩效目标 is text");
        }
        try (XSSFWorkbook wb = Workbooks.open(Workbooks.of(Examples.COURT))) {
            XSSFSheet p = wb.getSheet("项目");
            XSSFCell fiscal = p.getRow(1).getCell(2);
            assertEquals(CellType.NUMERIC, fiscal.getCellType());
            assertEquals(140.0, fiscal.getNumericCellValue());
            assertEquals("#,##0.00", fiscal.getCellStyle().getDataFormatString());
            XSSFCell total = p.getRow(1).getCell(5);
            assertEquals(CellType.FORMULA, total.getCellType(), "总计 is the sum, as a formula");
            assertEquals("SUM(C2:E2)", total.getCellFormula());
            assertEquals(140.0, total.getNumericCellValue(), "with its result saved");
        }
        try (XSSFWorkbook wb = Workbooks.open(Workbooks.of(Path.of("examples/shanghai-first-intermediate-court-2020.json")))) {
            XSSFSheet p = wb.getSheet("项目");
            int col = headers(p).indexOf("计划开始日期");
            XSSFCell start = p.getRow(1).getCell(col);
            assertEquals(CellType.NUMERIC, start.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(start), "a date cell");
            assertEquals(LocalDate.of(2020, 1, 1), start.getLocalDateTimeCellValue().toLocalDate());
            CellStyle budget = p.getRow(1).getCell(headers(p).indexOf("项目总预算")).getCellStyle();
            assertEquals("#,##0.00", budget.getDataFormatString());
            XSSFCell purchase = p.getRow(1).getCell(headers(p).indexOf("是否含有政府购买服务"));
            assertEquals("是", purchase.getStringCellValue());
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() throws Exception {
        byte[] a = Workbooks.of(Examples.COURT);
        byte[] b = Workbooks.of(Examples.COURT);
        assertArrayEquals(a, b);
        try (XSSFWorkbook wb = Workbooks.open(a)) {
            assertEquals(LocalDate.of(2000, 1, 1), wb.getProperties().getCoreProperties().getCreated().toInstant()
                    .atZone(ZoneOffset.UTC).toLocalDate(), "dated by SOURCE_DATE_EPOCH, else 2000-01-01, never the clock");
        }
    }

    @Test
    void aStyleFolderDecidesTheSheetsAndHeaders() throws Exception {
        // the layout is data: an override folder renames a sheet and a header, no Java changes
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("guangzhou"));
        String json = Files.readString(Path.of("templates/guangzhou/workbook.json"))
                .replace("\"sheet\": \"项目\"", "\"sheet\": \"项目清单\"")
                .replace("\"header\": \"绩效目标\"", "\"header\": \"年度绩效目标\"");
        Files.writeString(templates.resolve("guangzhou/workbook.json"), json);
        org.perfdoc.Perfdoc custom = org.perfdoc.Perfdoc.withTemplates(templates);
        byte[] template = custom.workbookTemplate("guangzhou");
        try (XSSFWorkbook wb = Workbooks.open(template)) {
            assertNotNull(wb.getSheet("项目清单"));
            assertTrue(headers(wb.getSheet("项目清单")).contains("年度绩效目标"));
        }
        byte[] court = custom.render(Examples.read(Examples.COURT).document(), org.perfdoc.render.Format.XLSX).bytes();
        var read = custom.read("court.xlsx", court);
        assertTrue(custom.validate(read).stream().noneMatch(p -> p.isError()), custom.validate(read).toString());
        assertTrue(Workbooks.sameValues(Examples.read(Examples.COURT).document(), read.document()));
    }

    @Test
    void libreOfficeShowsTheTemplateAsAForm() throws Exception {
        Path gz = dir.resolve("template-guangzhou.xlsx");
        Files.write(gz, Examples.PERFDOC.workbookTemplate("guangzhou"));
        Office.convert(dir, "pdf", "LibreOffice view of the workbook template", gz);
        String text;
        try (PdfText pdf = new PdfText(Files.readAllBytes(dir.resolve("template-guangzhou.pdf")))) {
            text = pdf.drawingOrder().replaceAll("\\s", "");
        }
        for (String expected : List.of("填写说明", "资金使用单位", "财政专户拨款", "实施周期指标值", "年度指标值", "部门名称")) {
            assertTrue(text.contains(expected), "LibreOffice prints " + expected);
        }
        assertFalse(text.contains("下拉列表一级指标"), "the hidden list sheet is not printed");
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            n.add(wb.getSheetName(i));
        }
        return n;
    }

    private static List<String> formLabels(XSSFSheet form) {
        List<String> labels = new ArrayList<>();
        for (int r = 1; r <= form.getLastRowNum(); r++) {
            labels.add(form.getRow(r).getCell(0).getStringCellValue());
        }
        return labels;
    }

    private static String allText(XSSFSheet sheet) {
        StringBuilder s = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
                s.append(c.getStringCellValue()).append('\n');
            }
        }));
        return s.toString();
    }

    /** The text values of a one-column range such as {@code '下拉列表'!$B$2:$B$5}. */
    private static List<String> column(XSSFSheet lists, String range) {
        org.apache.poi.ss.util.AreaReference area = new org.apache.poi.ss.util.AreaReference(range,
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
        List<String> values = new ArrayList<>();
        for (CellReference c : area.getAllReferencedCells()) {
            values.add(lists.getRow(c.getRow()).getCell(c.getCol()).getStringCellValue());
        }
        return values.stream().filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }
}
