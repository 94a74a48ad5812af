package org.perfdoc.read;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams sheets into {@link SheetGrid}s with POI's event API and a handler of our own: POI's
 * XSSFSheetXMLHandler hands out only formatted strings (a General 12345678901.23 comes out
 * "12345678901") and neither hidden rows and columns nor merged cells. The XML parser is POI's
 * hardened one: no DOCTYPE, no entities, no external references.
 */
final class SheetReader {
    private SheetReader() {
    }

    /** The workbook's sheets in order, whether each is hidden, and its date system. */
    record Book(List<String> sheets, Set<String> hidden, boolean date1904) {
    }

    static Book book(XSSFReader reader) throws Exception {
        boolean[] date1904 = {false};
        Set<String> hidden = new HashSet<>();
        List<String> sheets = new ArrayList<>();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (local.equals("workbookPr")) {
                    String v = a.getValue("date1904");
                    date1904[0] = "1".equals(v) || "true".equals(v);
                } else if (local.equals("sheet")) {
                    String name = a.getValue("name");
                    sheets.add(name);
                    String state = a.getValue("state");
                    if ("hidden".equals(state) || "veryHidden".equals(state)) {
                        hidden.add(name);
                    }
                }
            }
        });
        try (InputStream in = reader.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
        return new Book(sheets, hidden, date1904[0]);
    }

    /** The sheets named in {@code wanted}, by name, each with its merged regions applied. */
    static Map<String, SheetGrid> read(OPCPackage pkg, XSSFReader reader, Book book, Set<String> wanted,
                                       SheetLimits limits) throws Exception {
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        Map<String, SheetGrid> grids = new LinkedHashMap<>();
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String name = it.getSheetName();
                if (!wanted.contains(name) || grids.containsKey(name)) {
                    continue;
                }
                SheetGrid g = new SheetGrid(name, book.date1904());
                g.sheetHidden = book.hidden().contains(name);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new Handler(g, strings, styles, limits));
                try {
                    xml.parse(new InputSource(in));
                } catch (SAXException e) {
                    if (e.getException() instanceof SheetLimits.Exceeded x) {
                        throw x;
                    }
                    throw e;
                }
                g.applyMerges(limits);
                grids.put(name, g);
            }
        }
        return grids;
    }

    private static final class Handler extends DefaultHandler {
        private final SheetGrid g;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final SheetLimits limits;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private final Map<String, String[]> formats = new HashMap<>();
        private int row = -1;
        private int col = -1;
        private String type;
        private String style;
        private boolean inV;
        private boolean inF;
        private boolean inIs;
        private boolean inT;
        private boolean inRph;
        private boolean hasV;
        private boolean hasF;

        Handler(SheetGrid g, ReadOnlySharedStringsTable strings, StylesTable styles, SheetLimits limits) {
            this.g = g;
            this.strings = strings;
            this.styles = styles;
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? row + 1 : parse(r) - 1;
                    col = -1;
                    if (flag(a.getValue("hidden"))) {
                        g.hiddenRows.set(Math.min(row, limits.maxRows()));
                    }
                }
                case "c" -> {
                    String ref = a.getValue("r");
                    if (ref != null) {
                        CellReference cr = new CellReference(ref);
                        col = cr.getCol();
                        if (cr.getRow() >= 0) {
                            row = cr.getRow();
                        }
                    } else {
                        col++;
                    }
                    type = a.getValue("t");
                    style = a.getValue("s");
                    hasF = false;
                    hasV = false;
                    value.setLength(0);
                    text.setLength(0);
                    formula.setLength(0);
                }
                case "v" -> {
                    inV = true;
                    hasV = true;
                }
                case "f" -> {
                    inF = true;
                    hasF = true;
                }
                case "is" -> inIs = true;
                case "t" -> inT = true;
                case "rPh" -> inRph = true;
                case "col" -> {
                    if (flag(a.getValue("hidden"))) {
                        int min = Math.max(0, parse(a.getValue("min")) - 1);
                        int max = Math.min(parse(a.getValue("max")) - 1, limits.maxColumns());
                        if (min <= max) {
                            g.hiddenCols.set(min, max + 1);
                        }
                    }
                }
                case "mergeCell" -> {
                    if (g.merges.size() >= limits.maxMerges()) {
                        throw new SAXException(new SheetLimits.Exceeded("工作表“" + g.sheet
                                + "”的合并单元格超过上限 " + limits.maxMerges() + " 处"));
                    }
                    g.merges.add(CellRangeAddress.valueOf(a.getValue("ref")));
                }
                default -> {
                }
            }
        }

        private static boolean flag(String v) {
            return "1".equals(v) || "true".equals(v);
        }

        private static int parse(String s) throws SAXException {
            try {
                return Integer.parseInt(s.trim());
            } catch (RuntimeException e) {
                throw new SAXException("不是整数：" + s);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inV) {
                value.append(ch, start, length);
            } else if (inF) {
                formula.append(ch, start, length);
            } else if (inIs && inT && !inRph) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String q) throws SAXException {
            switch (local) {
                case "v" -> inV = false;
                case "f" -> inF = false;
                case "is" -> inIs = false;
                case "t" -> inT = false;
                case "rPh" -> inRph = false;
                case "c" -> {
                    try {
                        cell();
                    } catch (SheetLimits.Exceeded e) {
                        throw new SAXException(e);
                    }
                }
                default -> {
                }
            }
        }

        private void cell() throws SheetLimits.Exceeded, SAXException {
            if (row < 0 || col < 0) {
                return;
            }
            String[] fmt = format();
            int fmtIdx = Integer.parseInt(fmt[1]);
            // a shared formula's other cells have <f> without text: still a formula
            String f = hasF ? (formula.isEmpty() ? "(shared)" : formula.toString()) : null;
            String t = type == null ? "n" : type;
            if (hasF && !hasV && !t.equals("inlineStr")) {
                limits.checkCell(g.sheet, row, col, g.cellCount());
                g.putUncached(row, col, f);
                return;
            }
            String raw = value.toString();
            SheetGrid.Cell c = switch (t) {
                case "s" -> {
                    String s = sharedString(raw);
                    yield s.isEmpty() ? null : cell(SheetGrid.Kind.STRING, s, 0, false, fmt, fmtIdx, false, f);
                }
                case "inlineStr" -> text.isEmpty() ? null
                        : cell(SheetGrid.Kind.STRING, decode(text.toString()), 0, false, fmt, fmtIdx, false, f);
                case "str" -> raw.isEmpty() ? null
                        : cell(SheetGrid.Kind.STRING, decode(raw), 0, false, fmt, fmtIdx, false, f);
                case "b" -> cell(SheetGrid.Kind.BOOLEAN, null, 0, flag(raw.trim()), fmt, fmtIdx, false, f);
                case "e" -> cell(SheetGrid.Kind.ERROR, raw, 0, false, fmt, fmtIdx, false, f);
                case "d" -> raw.isBlank() ? null
                        : cell(SheetGrid.Kind.DATE_ISO, raw.trim(), 0, false, fmt, fmtIdx, true, f);
                default -> raw.isBlank() ? null : cell(SheetGrid.Kind.NUMBER, null, number(raw), false, fmt, fmtIdx,
                        DateUtil.isADateFormat(fmtIdx, fmt[0]), f);
            };
            if (c != null) {
                limits.checkCell(g.sheet, row, col, g.cellCount());
                g.put(c);
            }
        }

        private SheetGrid.Cell cell(SheetGrid.Kind kind, String s, double number, boolean bool, String[] fmt,
                                    int fmtIdx, boolean isDate, String f) {
            return new SheetGrid.Cell(row, col, kind, s, number, bool, fmt[0], fmtIdx, isDate, f, null);
        }

        private String sharedString(String raw) throws SAXException {
            try {
                return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            } catch (RuntimeException e) {
                throw new SAXException("单元格 " + new CellReference(row, col).formatAsString(false)
                        + " 引用了不存在的共享字符串 " + raw);
            }
        }

        private double number(String raw) throws SAXException {
            try {
                return Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                throw new SAXException("单元格 " + new CellReference(row, col).formatAsString(false)
                        + " 的数值无法识别：" + raw);
            }
        }

        /** {format string, format index} of the cell's style, cached by style index. */
        private String[] format() {
            String key = style == null ? "0" : style;
            return formats.computeIfAbsent(key, k -> {
                int i;
                try {
                    i = Integer.parseInt(k.trim());
                } catch (NumberFormatException e) {
                    i = 0;
                }
                if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                    return new String[] {"General", "0"};
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                short idx = s.getDataFormat();
                String fs = s.getDataFormatString();
                if (fs == null) {
                    fs = BuiltinFormats.getBuiltinFormat(idx);
                }
                return new String[] {fs == null ? "General" : fs, Short.toString(idx)};
            });
        }

        /** _xHHHH_ escapes, as XSSFRichTextString decodes them for shared strings. */
        private static String decode(String s) {
            return s.contains("_x") ? new XSSFRichTextString(s).getString() : s;
        }
    }
}
