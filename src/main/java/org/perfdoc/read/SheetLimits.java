package org.perfdoc.read;

/**
 * Bounds on one workbook, checked while its sheets are streamed (before anything is kept), so that no
 * workbook can exhaust memory or time. The file size is {@link Limits#maxInputBytes()}.
 *
 * @param maxRows           rows of one sheet (default 100,000)
 * @param maxColumns        columns of one sheet (default 200)
 * @param maxCellsPerSheet  non-empty cells of one sheet, counting cells a merged region covers (2,000,000)
 * @param maxMerges         merged regions of one sheet (100,000)
 * @param maxUnzippedBytes  the workbook's parts together, unzipped (256 MB)
 * @param maxParts          parts (zip entries) of the workbook (1,000)
 */
public record SheetLimits(int maxRows, int maxColumns, int maxCellsPerSheet, int maxMerges, long maxUnzippedBytes,
                          int maxParts) {
    public static final SheetLimits DEFAULT = new SheetLimits(100_000, 200, 2_000_000, 100_000, 256L << 20, 1_000);

    /** A workbook beyond a limit: the message says which and where. */
    static final class Exceeded extends Exception {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    void checkCell(String sheet, int row, int col, int cells) throws Exceeded {
        if (row >= maxRows) {
            throw new Exceeded("工作表“" + sheet + "”行数超过上限 " + maxRows + "（第 " + (row + 1)
                    + " 行有内容）；请删去多余的行");
        }
        if (col >= maxColumns) {
            throw new Exceeded("工作表“" + sheet + "”列数超过上限 " + maxColumns + "；请删去多余的列");
        }
        if (cells >= maxCellsPerSheet) {
            throw new Exceeded("工作表“" + sheet + "”的单元格超过上限 " + maxCellsPerSheet + " 个");
        }
    }
}
