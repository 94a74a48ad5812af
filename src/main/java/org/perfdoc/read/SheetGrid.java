package org.perfdoc.read;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet as plain cells: values with their place, hidden rows and columns, merged regions. Only
 * non-blank cells are kept; a merged region's value is given to every row it covers.
 */
final class SheetGrid {

    /** What a cell holds. */
    enum Kind { STRING, NUMBER, BOOLEAN, ERROR, DATE_ISO }

    /**
     * A cell's value.
     *
     * @param number     for NUMBER: the double Excel stored
     * @param format     the number format ("General", "#,##0.00", "yyyy-mm-dd", "0%")
     * @param formatIdx  the format's index
     * @param isDate     whether the format shows a date
     * @param formula    the formula, or null; the value is then its cached (or computed) result
     * @param mergedFrom for a cell a merged region covers, the region ("B5:B9"), else null
     */
    record Cell(int row, int col, Kind kind, String text, double number, boolean bool, String format,
                int formatIdx, boolean isDate, String formula, String mergedFrom) {
        String ref() {
            return new CellReference(row, col).formatAsString(false);
        }

        Cell coveredAt(int r, int c, String region) {
            return new Cell(r, c, kind, text, number, bool, format, formatIdx, isDate, formula, region);
        }
    }

    /** Computes a formula that was saved without its result. */
    interface Evaluator {
        Cell evaluate(int row, int col) throws FormulaRefused;
    }

    /** A formula perfdoc will not compute; the message says why, in the user's words. */
    static final class FormulaRefused extends Exception {
        FormulaRefused(String message) {
            super(message, null, false, false);
        }
    }

    final String sheet;
    final boolean date1904;
    final BitSet hiddenRows = new BitSet();
    final BitSet hiddenCols = new BitSet();
    final List<CellRangeAddress> merges = new ArrayList<>();
    boolean sheetHidden;
    Evaluator evaluator;
    private final TreeMap<Integer, TreeMap<Integer, Cell>> rows = new TreeMap<>();
    /** Formulas saved without a result, by (row, col). */
    private final Map<Long, String> uncached = new HashMap<>();
    private int cellCount;

    SheetGrid(String sheet, boolean date1904) {
        this.sheet = sheet;
        this.date1904 = date1904;
    }

    int cellCount() {
        return cellCount;
    }

    void put(Cell c) {
        rows.computeIfAbsent(c.row(), k -> new TreeMap<>()).put(c.col(), c);
        cellCount++;
    }

    void putUncached(int row, int col, String formula) {
        uncached.put(key(row, col), formula);
        cellCount++;
    }

    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    Cell get(int row, int col) {
        TreeMap<Integer, Cell> r = rows.get(row);
        return r == null ? null : r.get(col);
    }

    boolean hasUncached() {
        return !uncached.isEmpty();
    }

    String uncachedFormula(int row, int col) {
        return uncached.get(key(row, col));
    }

    /** The row's cells, left to right. */
    Collection<Cell> row(int row) {
        TreeMap<Integer, Cell> r = rows.get(row);
        return r == null ? List.of() : r.values();
    }

    /** The last row with something in it, or -1. */
    int lastRow() {
        int last = rows.isEmpty() ? -1 : rows.lastKey();
        for (long k : uncached.keySet()) {
            last = Math.max(last, (int) (k >> 20));
        }
        return last;
    }

    /**
     * Gives every cell a merged region covers, in the region's first column, the value of its top-left
     * cell (Excel and LibreOffice store it only there); a region over several columns applies to its
     * first. Regions are clipped to the limits first, so a hostile A1:XFD1048576 costs nothing, and the
     * cells they fill count towards the sheet's cell limit.
     */
    void applyMerges(SheetLimits limits) throws SheetLimits.Exceeded {
        if (merges.size() > limits.maxMerges()) {
            throw new SheetLimits.Exceeded("工作表“" + sheet + "”有 " + merges.size() + " 处合并单元格，超过上限 "
                    + limits.maxMerges());
        }
        List<CellRangeAddress> kept = new ArrayList<>();
        long work = 0;
        for (CellRangeAddress m : merges) {
            int lastRow = Math.min(m.getLastRow(), limits.maxRows() - 1);
            int lastCol = Math.min(m.getLastColumn(), limits.maxColumns() - 1);
            if (lastRow < m.getFirstRow() || lastCol < m.getFirstColumn()) {
                continue;
            }
            work += (long) (lastRow - m.getFirstRow() + 1) * (uncached.isEmpty() ? 1 : lastCol - m.getFirstColumn() + 1);
            if (work > limits.maxCellsPerSheet()) {
                throw new SheetLimits.Exceeded("工作表“" + sheet + "”的合并单元格覆盖的单元格超过上限 "
                        + limits.maxCellsPerSheet() + " 个");
            }
            CellRangeAddress clipped = new CellRangeAddress(m.getFirstRow(), lastRow, m.getFirstColumn(), lastCol);
            kept.add(clipped);
            Cell top = get(m.getFirstRow(), m.getFirstColumn());
            String region = clipped.formatAsString();
            for (int r = m.getFirstRow(); r <= lastRow; r++) {
                // covered cells hold nothing meaningful (LibreOffice may keep an old value there)
                TreeMap<Integer, Cell> row = rows.get(r);
                if (row != null) {
                    row.subMap(m.getFirstColumn(), true, lastCol, true).clear();
                }
                for (int c = m.getFirstColumn(); !uncached.isEmpty() && c <= lastCol; c++) {
                    if (r != m.getFirstRow() || c != m.getFirstColumn()) {
                        uncached.remove(key(r, c));
                    }
                }
                if (top != null) {
                    if (cellCount >= limits.maxCellsPerSheet()) {
                        throw new SheetLimits.Exceeded("工作表“" + sheet + "”的合并单元格覆盖的单元格超过上限 "
                                + limits.maxCellsPerSheet() + " 个");
                    }
                    put(top.coveredAt(r, m.getFirstColumn(), region));
                }
            }
        }
        merges.clear();
        merges.addAll(kept);
    }

    /** The merged region holding (row, col), or null. */
    CellRangeAddress mergeAt(int row, int col) {
        for (CellRangeAddress m : merges) {
            if (m.isInRange(row, col)) {
                return m;
            }
        }
        return null;
    }
}
