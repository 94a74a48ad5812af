package org.perfdoc.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Computes formulas saved without their result (a workbook written by POI or another program), with
 * POI's evaluator, but only after walking the formula and everything it depends on: no other
 * workbook (external links are never opened), no run-time references (INDIRECT, OFFSET), no calls
 * outside (WEBSERVICE), no area larger than {@link #MAX_AREA_CELLS}, no chain deeper than 64.
 */
final class WorkbookFormulas {
    /** Functions whose references are computed at run time (cannot be bounded) or that reach outside. */
    static final Set<String> REFUSED_FUNCTIONS = Set.of("INDIRECT", "OFFSET", "WEBSERVICE", "FILTERXML", "CALL",
            "REGISTER.ID", "RTD", "INFO", "CELL", "HYPERLINK");
    /** Largest area a computed formula may reference: SUM(C:C), a million cells, is refused. */
    static final long MAX_AREA_CELLS = 100_000;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_VISITS = 200_000;

    private final XSSFWorkbook wb;
    private final XSSFFormulaEvaluator evaluator;
    private final Map<String, String> memo = new HashMap<>();
    private int visited;

    WorkbookFormulas(XSSFWorkbook wb) {
        this.wb = wb;
        this.evaluator = wb.getCreationHelper().createFormulaEvaluator();
        // a reference to another workbook fails instead of being resolved (nothing is set up for it)
        this.evaluator.setIgnoreMissingWorkbooks(false);
    }

    /** The result of the formula at ({@code row}, {@code col}) of {@code sheet}. */
    SheetGrid.Cell evaluate(String sheet, int row, int col) throws SheetGrid.FormulaRefused {
        int si = wb.getSheetIndex(sheet);
        XSSFSheet s = si < 0 ? null : wb.getSheetAt(si);
        XSSFRow r = s == null ? null : s.getRow(row);
        XSSFCell cell = r == null ? null : r.getCell(col);
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        String why = check(si, row, col, 0);
        if (why != null) {
            throw new SheetGrid.FormulaRefused("公式 =" + cell.getCellFormula() + " 没有保存计算结果，且" + why);
        }
        try {
            CellValue v = evaluator.evaluate(cell);
            if (v == null) {
                return null;
            }
            String fmt = cell.getCellStyle().getDataFormatString();
            int idx = cell.getCellStyle().getDataFormat();
            String f = cell.getCellFormula();
            return switch (v.getCellType()) {
                case NUMERIC -> new SheetGrid.Cell(row, col, SheetGrid.Kind.NUMBER, null, v.getNumberValue(), false,
                        fmt, idx, DateUtil.isADateFormat(idx, fmt), f, null);
                case STRING -> v.getStringValue().isEmpty() ? null : new SheetGrid.Cell(row, col,
                        SheetGrid.Kind.STRING, v.getStringValue(), 0, false, fmt, idx, false, f, null);
                case BOOLEAN -> new SheetGrid.Cell(row, col, SheetGrid.Kind.BOOLEAN, null, 0, v.getBooleanValue(),
                        fmt, idx, false, f, null);
                case ERROR -> new SheetGrid.Cell(row, col, SheetGrid.Kind.ERROR,
                        FormulaError.forInt(v.getErrorValue()).getString(), 0, false, fmt, idx, false, f, null);
                default -> null;
            };
        } catch (RuntimeException e) {
            // NotImplementedException (a function POI lacks), a missing workbook, a bad reference
            Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            throw new SheetGrid.FormulaRefused("公式 =" + cell.getCellFormula() + " 无法计算（" + m + "）");
        }
    }

    /** Null when the formula at (sheet, row, col) and all it depends on may be computed, else why not. */
    private String check(int si, int row, int col, int depth) {
        XSSFSheet sheet = wb.getSheetAt(si);
        XSSFRow r = sheet.getRow(row);
        XSSFCell cell = r == null ? null : r.getCell(col);
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        String key = si + ":" + row + ":" + col;
        if (memo.containsKey(key)) {
            return memo.get(key);
        }
        if (depth > MAX_DEPTH || ++visited > MAX_VISITS) {
            return "公式之间的引用过深或过多";
        }
        memo.put(key, null); // a cycle ends here; the evaluator reports it as an error value
        String why = refusal(si, row, cell.getCellFormula());
        if (why == null) {
            why = precedents(si, parse(cell.getCellFormula(), FormulaType.CELL, si, row), depth);
        } else if (depth > 0) {
            why = "它引用的 " + sheet.getSheetName() + "!" + cell.getReference() + " " + why;
        }
        memo.put(key, why);
        return why;
    }

    private Ptg[] parse(String formula, FormulaType type, int si, int row) {
        return FormulaParser.parse(formula, XSSFEvaluationWorkbook.create(wb), type, si, row);
    }

    private String precedents(int si, Ptg[] ptgs, int depth) {
        for (Ptg p : ptgs) {
            String why = null;
            if (p instanceof Ref3DPxg x) {
                why = check(sheet(x.getSheetName(), si), x.getRow(), x.getColumn(), depth + 1);
            } else if (p instanceof Area3DPxg x) {
                why = area(sheet(x.getSheetName(), si), x.getFirstRow(), x.getLastRow(), x.getFirstColumn(),
                        x.getLastColumn(), depth);
            } else if (p instanceof RefPtgBase x) {
                why = check(si, x.getRow(), x.getColumn(), depth + 1);
            } else if (p instanceof AreaPtgBase x) {
                why = area(si, x.getFirstRow(), x.getLastRow(), x.getFirstColumn(), x.getLastColumn(), depth);
            } else if (p instanceof NamePtg n) {
                XSSFName name = wb.getAllNames().get(n.getIndex());
                String f = name.getRefersToFormula();
                if (f != null) {
                    String w = refusal(si, 0, f);
                    if (w != null) {
                        return "名称 " + name.getNameName() + " " + w;
                    }
                    why = precedents(si, parse(f, FormulaType.NAMEDRANGE, name.getSheetIndex(), -1), depth + 1);
                }
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private String area(int si, int r1, int r2, int c1, int c2, int depth) {
        XSSFSheet sheet = wb.getSheetAt(si);
        for (int r = r1; r <= Math.min(r2, sheet.getLastRowNum()); r++) {
            XSSFRow row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = c1; c <= Math.min(c2, row.getLastCellNum()); c++) {
                String why = check(si, r, c, depth + 1);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    private int sheet(String name, int current) {
        int i = name == null ? current : wb.getSheetIndex(name);
        return i < 0 ? current : i;
    }

    /** Null when {@code formula} itself may be computed, else the reason it is not. */
    private String refusal(int sheetIndex, int rowIndex, String formula) {
        Ptg[] ptgs;
        try {
            ptgs = parse(formula, FormulaType.CELL, sheetIndex, rowIndex);
        } catch (RuntimeException e) {
            return "公式无法解析：" + e.getMessage();
        }
        for (Ptg p : ptgs) {
            if (p instanceof Pxg x && x.getExternalWorkbookNumber() > 0) {
                return "引用了其他工作簿（[" + x.getExternalWorkbookNumber() + "]），不计算外部链接";
            }
            if (p instanceof NameXPxg || p instanceof NameXPtg) {
                return "引用了外部名称，不计算外部链接";
            }
            if (p instanceof AbstractFunctionPtg f && REFUSED_FUNCTIONS.contains(f.getName().toUpperCase(Locale.ROOT))) {
                return "含有函数 " + f.getName() + "，不计算";
            }
            long cells = -1;
            if (p instanceof AreaPtgBase a) {
                cells = (long) (a.getLastRow() - a.getFirstRow() + 1) * (a.getLastColumn() - a.getFirstColumn() + 1);
            } else if (p instanceof Area3DPxg a) {
                cells = (long) (a.getLastRow() - a.getFirstRow() + 1) * (a.getLastColumn() - a.getFirstColumn() + 1);
            }
            if (cells > MAX_AREA_CELLS) {
                return "引用区域过大（" + cells + " 个单元格），不计算";
            }
        }
        return null;
    }
}
