package org.perfdoc.pdf;

import java.io.IOException;
import java.util.List;
import org.perfdoc.PdfText;

/** The columns of the Guangzhou wide table as strips of the page, for reading a column's lines back. */
record GuangzhouColumns(double fromMm, double toMm, String header) {
    // Column strips in mm from the page's left edge: 9 mm margin, then the template's column widths.
    static final GuangzhouColumns NAME = new GuangzhouColumns(9, 51.5, "项目名称（资金使用单位）");
    static final GuangzhouColumns TOTAL = new GuangzhouColumns(51.5, 71, "总计");
    static final GuangzhouColumns FISCAL = new GuangzhouColumns(71, 90.5, "财政拨款");
    static final GuangzhouColumns OTHER = new GuangzhouColumns(110, 129.5, "其他资金");
    static final GuangzhouColumns GOAL = new GuangzhouColumns(129.5, 197.5, "绩效目标");
    static final GuangzhouColumns INDICATORS = new GuangzhouColumns(197.5, 288, "绩效指标");

    /** The column's lines below its header on every page (failing where a page lacks the header). */
    List<String> lines(PdfText pdf) throws IOException {
        return pdf.columnLines(fromMm, toMm, header, 14);
    }
}
