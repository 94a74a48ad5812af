package org.perfdoc.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.perfdoc.helper.Zips;
import org.perfdoc.style.Taxonomy;
import org.perfdoc.style.WorkbookLayout;

/**
 * Writes a document (its JSON tree) as the workbook its style's {@link WorkbookLayout} describes:
 * a help sheet, the document's fields, projects, indicators and a hidden sheet of drop-down lists.
 * Without units it is the empty template. Rows are streamed (SXSSF), so a 2,000-project document
 * needs little memory; the bytes depend only on the document (fixed dates, fixed zip timestamps).
 */
public final class WorkbookWriter {
    /** Rows below the data that still get the drop-down lists and formats. */
    static final int SPARE_ROWS = 1000;
    /** Excel's limit for a row height, in points. */
    static final float MAX_ROW_POINTS = 409f;
    private static final float LINE_POINTS = 14.5f;
    private static final Pattern SUM = Pattern.compile("SUM\\(\\{([^}]+)}\\{row}:\\{([^}]+)}\\{row}\\)");
    private static final Pattern CELL_LIKE = Pattern.compile("(?i)([A-Z]{1,3}\\d+|R\\d*C\\d*|R|C)");
    private static final Pattern X_ESCAPE = Pattern.compile("_(x[0-9A-Fa-f]{4}_)");

    private final WorkbookLayout layout;
    private final Taxonomy taxonomy;
    private final String style;
    private final Date created;

    /**
     * A writer of {@code style}'s workbooks, whose indicator lists come from {@code taxonomy}, dated
     * {@code sourceDate} (null: 2000-01-01, so that the bytes do not depend on the clock).
     */
    public WorkbookWriter(String style, WorkbookLayout layout, Taxonomy taxonomy, Instant sourceDate) {
        this.style = style;
        this.layout = layout;
        this.taxonomy = taxonomy;
        this.created = Date.from(sourceDate == null ? Instant.parse("2000-01-01T00:00:00Z") : sourceDate);
    }

    /** The workbook of {@code doc}, or the empty template when {@code doc} is null. */
    public byte[] write(JsonNode doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        // 200 rows in memory, temp files compressed, shared strings as Excel writes them
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            new Filling(wb).fill(doc);
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator(layout.word("commentAuthor"));
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixedTimes(out.toByteArray());
    }

    /** The same zip with every entry dated alike: POI stamps entries with the clock. */
    private static byte[] fixedTimes(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // commons-compress, as POI wrote it: java.util.zip refuses the sizes SXSSF leaves in local headers
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true, true)) {
            for (ZipArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Zips.of(entries);
    }

    /** One workbook being filled. */
    private final class Filling {
        private final SXSSFWorkbook wb;
        private final Map<String, CellStyle> columnStyles = new HashMap<>();
        private CellStyle headerStyle;
        private CellStyle labelStyle;
        private CellStyle titleStyle;
        private CellStyle textStyle;
        private boolean level2ByName;

        Filling(SXSSFWorkbook wb) {
            this.wb = wb;
        }

        void fill(JsonNode doc) {
            Font base = wb.getFontAt(0);
            base.setFontName("宋体");
            base.setFontHeightInPoints((short) 11);
            makeStyles();
            Sheet help = wb.createSheet(layout.help().sheet());
            Sheet form = wb.createSheet(layout.document().sheet());
            Sheet projects = wb.createSheet(layout.projects().sheet());
            Sheet indicators = wb.createSheet(layout.indicators().sheet());
            Sheet lists = wb.createSheet(layout.lists().sheet());
            writeLists(lists);
            writeHelp(help);
            writeForm(form, doc);
            int projectRows = writeProjects(projects, doc);
            int indicatorRows = writeIndicators(indicators, doc);
            validations(projects, layout.projects(), projectRows);
            validations(indicators, layout.indicators(), indicatorRows);
            for (Sheet s : List.of(help, form, projects, indicators)) {
                print(s);
            }
            projects.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            indicators.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            wb.setActiveSheet(wb.getSheetIndex(form));
            wb.setSelectedTab(wb.getSheetIndex(form));
            // formulas are written with their result; recalculating on open keeps them honest after edits
            wb.setForceFormulaRecalculation(true);
            // shared strings are numbered as rows are flushed; write() flushes sheets in hash order, so
            // flush them here, in sheet order, for the same bytes every time
            for (Sheet s : List.of(help, form, projects, indicators, lists)) {
                try {
                    ((SXSSFSheet) s).flushRows();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** A4 landscape, one page wide: what printing the sheet (or LibreOffice's PDF export) shows. */
        private void print(Sheet sheet) {
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setMargin(PageMargin.LEFT, 0.4);
            sheet.setMargin(PageMargin.RIGHT, 0.4);
        }

        private void makeStyles() {
            Font bold = wb.createFont();
            bold.setFontName("宋体");
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 11);
            headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            headerStyle.setWrapText(true);
            headerStyle.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(headerStyle);
            labelStyle = wb.createCellStyle();
            labelStyle.cloneStyleFrom(headerStyle);
            labelStyle.setAlignment(HorizontalAlignment.LEFT);
            Font title = wb.createFont();
            title.setFontName("黑体");
            title.setBold(true);
            title.setFontHeightInPoints((short) 14);
            titleStyle = wb.createCellStyle();
            titleStyle.setFont(title);
            textStyle = wb.createCellStyle();
            textStyle.setWrapText(true);
            textStyle.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static void borders(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }

        /** One style per column type and format: text columns are Text ("@"), so 100% stays "100%". */
        private CellStyle style(WorkbookLayout.Column c) {
            String fmt = switch (c.type()) {
                case "amount" -> c.format() == null ? "#,##0.00" : c.format();
                case "integer" -> "0";
                case "date" -> c.format() == null ? "yyyy-mm-dd" : c.format();
                default -> "@";
            };
            return columnStyles.computeIfAbsent(c.type() + "|" + fmt, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.createDataFormat().getFormat(fmt));
                s.setVerticalAlignment(VerticalAlignment.TOP);
                s.setWrapText(c.type().equals("text") || c.type().equals("longtext"));
                s.setAlignment(switch (c.type()) {
                    case "amount", "integer" -> HorizontalAlignment.RIGHT;
                    case "date", "boolean", "choice" -> HorizontalAlignment.CENTER;
                    default -> HorizontalAlignment.LEFT;
                });
                borders(s);
                return s;
            });
        }

        /**
         * Column A: the 一级 names (the defined name {@code lists.level1Name}); a column per 一级 with its
         * 二级 names, named after the 一级 itself when that is a valid defined name (二级 is then
         * INDIRECT($C2), the form Excel, WPS and LibreOffice know), else {@code _L2_<position>}, reached
         * by INDIRECT("_L2_"&MATCH($C2,一级指标,0)).
         */
        private void writeLists(Sheet lists) {
            Row head = lists.createRow(0);
            head.createCell(0).setCellValue(layout.lists().level1Name());
            List<Taxonomy.Level> levels = taxonomy.levels();
            int maxChildren = levels.stream().mapToInt(l -> l.children().size()).max().orElse(0);
            for (int r = 1; r <= Math.max(levels.size(), maxChildren); r++) {
                lists.createRow(r);
            }
            level2ByName = levels.stream().allMatch(l -> validName(l.name())
                    && !l.name().equals(layout.lists().level1Name()));
            String sheet = quote(lists.getSheetName());
            for (int i = 0; i < levels.size(); i++) {
                Taxonomy.Level l = levels.get(i);
                lists.getRow(i + 1).createCell(0).setCellValue(l.name());
                head.createCell(i + 1).setCellValue(l.name());
                for (int j = 0; j < l.children().size(); j++) {
                    lists.getRow(j + 1).createCell(i + 1).setCellValue(l.children().get(j).name());
                }
                String col = CellReference.convertNumToColString(i + 1);
                defineName(level2ByName ? l.name() : "_L2_" + (i + 1),
                        sheet + "!$" + col + "$2:$" + col + "$" + Math.max(2, l.children().size() + 1));
            }
            defineName(layout.lists().level1Name(), sheet + "!$A$2:$A$" + (levels.size() + 1));
        }

        private void defineName(String name, String refersTo) {
            Name n = wb.createName();
            n.setNameName(name);
            n.setRefersToFormula(refersTo);
        }

        private void writeHelp(Sheet help) {
            int[] widths = {16, 22, 8, 80};
            for (int i = 0; i < widths.length; i++) {
                help.setColumnWidth(i, widths[i] * 256);
            }
            int r = 0;
            for (String line : layout.help().lines()) {
                Row row = help.createRow(r);
                Cell c = row.createCell(0);
                if (line.startsWith("# ") || line.startsWith("## ")) {
                    c.setCellValue(line.substring(line.indexOf(' ') + 1));
                    c.setCellStyle(titleStyle);
                    row.setHeightInPoints(line.startsWith("# ") ? 24 : 20);
                } else {
                    c.setCellValue(line);
                    c.setCellStyle(textStyle);
                    help.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
                    row.setHeightInPoints(lines(line, 124) * LINE_POINTS);
                }
                r++;
            }
            Row hr = help.createRow(r++);
            List<String> heads = layout.help().columns();
            for (int i = 0; i < heads.size(); i++) {
                Cell c = hr.createCell(i);
                c.setCellValue(heads.get(i));
                c.setCellStyle(headerStyle);
            }
            r = helpRows(help, r, layout.document().sheet(), layout.document().fields());
            r = helpRows(help, r, layout.projects().sheet(), layout.projects().columns());
            helpRows(help, r, layout.indicators().sheet(), layout.indicators().columns());
        }

        private int helpRows(Sheet help, int r, String sheet, List<WorkbookLayout.Column> cols) {
            for (WorkbookLayout.Column c : cols) {
                Row row = help.createRow(r++);
                String[] v = {sheet, c.header(), c.isRequired() ? layout.help().yes() : "",
                        c.comment() == null ? "" : c.comment()};
                for (int i = 0; i < v.length; i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(v[i]);
                    cell.setCellStyle(textStyle);
                }
                row.setHeightInPoints(Math.max(1, lines(v[3], 80)) * LINE_POINTS);
            }
            return r;
        }

        private void writeForm(Sheet form, JsonNode doc) {
            WorkbookLayout.Form f = layout.document();
            form.setColumnWidth(0, 14 * 256);
            form.setColumnWidth(1, 60 * 256);
            form.setColumnWidth(2, 60 * 256);
            Row head = form.createRow(0);
            String[] heads = {f.labelHeader(), f.valueHeader(), f.noteHeader()};
            for (int i = 0; i < heads.length; i++) {
                Cell c = head.createCell(i);
                c.setCellValue(heads[i]);
                c.setCellStyle(headerStyle);
            }
            form.createFreezePane(0, 1);
            Drawing<?> drawing = form.createDrawingPatriarch();
            int r = 1;
            for (WorkbookLayout.Column field : f.fields()) {
                Row row = form.createRow(r);
                Cell label = row.createCell(0);
                label.setCellValue(field.header());
                label.setCellStyle(labelStyle);
                comment(drawing, label, field);
                Cell value = row.createCell(1);
                value.setCellStyle(style(field));
                JsonNode v = doc == null ? null : doc.get(field.key());
                if ((v == null || v.isNull()) && field.key().equals("style")) {
                    v = TextNode.valueOf(style);
                }
                setValue(value, field, v);
                Cell note = row.createCell(2);
                note.setCellValue(field.comment() == null ? "" : field.comment());
                note.setCellStyle(textStyle);
                String shown = value.getCellType() == CellType.STRING ? value.getStringCellValue() : "";
                float h = Math.max(lines(shown, 60), lines(field.comment(), 60)) * LINE_POINTS;
                row.setHeightInPoints(Math.min(MAX_ROW_POINTS, Math.max(16, h)));
                List<String> choices = field.choices().stream().map(WorkbookLayout.Choice::label).toList();
                if (!choices.isEmpty()) {
                    listValidation(form, explicitList(form, choices), new CellRangeAddressList(r, r, 1, 1), true);
                }
                r++;
            }
        }

        private int writeProjects(Sheet sheet, JsonNode doc) {
            WorkbookLayout.Table t = layout.projects();
            header(sheet, t);
            int r = 1;
            for (JsonNode unit : units(doc)) {
                for (JsonNode p : unit.path("projects")) {
                    writeRow(sheet, t, r++, p, c -> c.key().equals("unit") ? unit.get("name") : at(p, c.key()));
                }
            }
            return r - 1;
        }

        private int writeIndicators(Sheet sheet, JsonNode doc) {
            WorkbookLayout.Table t = layout.indicators();
            header(sheet, t);
            int r = 1;
            for (JsonNode unit : units(doc)) {
                for (JsonNode p : unit.path("projects")) {
                    for (JsonNode ind : p.path("indicators")) {
                        writeRow(sheet, t, r++, ind, c -> switch (c.key()) {
                            case "unit" -> unit.get("name");
                            case "project" -> p.get("name");
                            default -> at(ind, c.key());
                        });
                    }
                }
            }
            return r - 1;
        }

        /** Row {@code r} of a table: each column's value, its style, and a height that shows every line. */
        private void writeRow(Sheet sheet, WorkbookLayout.Table t, int r, JsonNode record,
                              Function<WorkbookLayout.Column, JsonNode> valueOf) {
            Row row = sheet.createRow(r);
            float lines = 1;
            for (int i = 0; i < t.columns().size(); i++) {
                WorkbookLayout.Column c = t.columns().get(i);
                Cell cell = row.createCell(i);
                cell.setCellStyle(style(c));
                JsonNode v = valueOf.apply(c);
                // a declared 总计 that is the sum is written as =SUM(…) with its result
                if (c.formula() != null && v != null && v.isNumber() && formulaGives(t, c, record, v)) {
                    cell.setCellFormula(formula(t, c, r));
                    cell.setCellValue(v.decimalValue().doubleValue());
                } else {
                    setValue(cell, c, v);
                }
                if (cell.getCellType() == CellType.STRING) {
                    lines = Math.max(lines, lines(cell.getStringCellValue(), c.widthOrDefault()));
                }
            }
            row.setHeightInPoints(Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 2));
        }

        private void header(Sheet sheet, WorkbookLayout.Table t) {
            Row head = sheet.createRow(0);
            head.setHeightInPoints(32);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            for (int i = 0; i < t.columns().size(); i++) {
                WorkbookLayout.Column c = t.columns().get(i);
                Cell cell = head.createCell(i);
                cell.setCellValue(c.header());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, c.widthOrDefault() * 256);
                // cells typed into later keep the column's format: 100% in a Text column stays "100%"
                sheet.setDefaultColumnStyle(i, style(c));
                comment(drawing, cell, c);
            }
            if (t.freeze() != null) {
                sheet.createFreezePane(t.freeze().cols(), t.freeze().rows());
            }
        }

        private void comment(Drawing<?> drawing, Cell cell, WorkbookLayout.Column c) {
            if (c.comment() == null || c.comment().isBlank()) {
                return;
            }
            CreationHelper h = wb.getCreationHelper();
            ClientAnchor anchor = h.createClientAnchor();
            anchor.setCol1(cell.getColumnIndex());
            anchor.setCol2(cell.getColumnIndex() + 3);
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(cell.getRowIndex() + 4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(h.createRichTextString((c.isRequired() ? layout.word("requiredMark") : "") + c.comment()));
            comment.setAuthor(layout.word("commentAuthor"));
            cell.setCellComment(comment);
        }

        private void validations(Sheet sheet, WorkbookLayout.Table t, int dataRows) {
            int last = Math.min(SpreadsheetVersion.EXCEL2007.getLastRowIndex(), dataRows + SPARE_ROWS);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            int level1Col = t.index("level1");
            String level1Name = layout.lists().level1Name();
            for (int i = 0; i < t.columns().size(); i++) {
                WorkbookLayout.Column c = t.columns().get(i);
                CellRangeAddressList range = new CellRangeAddressList(1, last, i, i);
                if ("level1".equals(c.list())) {
                    listValidation(sheet, dv.createFormulaListConstraint(level1Name), range, true);
                } else if ("level2".equals(c.list()) && level1Col >= 0) {
                    String l1 = "$" + CellReference.convertNumToColString(level1Col) + "2";
                    String f = level2ByName ? "INDIRECT(" + l1 + ")"
                            : "INDIRECT(\"_L2_\"&MATCH(" + l1 + "," + level1Name + ",0))";
                    // where the style only warns about an unknown 二级, so does the list
                    listValidation(sheet, dv.createFormulaListConstraint(f), range, taxonomy.unknownLevel2IsError());
                } else if (c.type().equals("boolean")) {
                    listValidation(sheet, explicitList(sheet, List.of(c.labels().get("true"), c.labels().get("false"))),
                            range, true);
                } else if (c.type().equals("choice")) {
                    listValidation(sheet, explicitList(sheet, c.choices().stream().map(WorkbookLayout.Choice::label)
                            .toList()), range, true);
                } else if (c.type().equals("amount")) {
                    warnUnless(sheet, dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                            "0", null), range, "amountErrorTitle", "amountErrorText");
                } else if (c.type().equals("date")) {
                    warnUnless(sheet, dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "DATE(1990,1,1)", "DATE(2100,12,31)", null), range, "dateErrorTitle", "dateErrorText");
                }
            }
        }

        private void warnUnless(Sheet sheet, DataValidationConstraint k, CellRangeAddressList range, String title,
                                String text) {
            DataValidation v = sheet.getDataValidationHelper().createValidation(k, range);
            v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            v.createErrorBox(layout.word(title), layout.word(text));
            v.setShowErrorBox(true);
            sheet.addValidationData(v);
        }

        private DataValidationConstraint explicitList(Sheet sheet, List<String> labels) {
            if (String.join(",", labels).length() > 255) {
                throw new IllegalArgumentException("workbook.json: a literal list is limited to 255 characters: " + labels);
            }
            return sheet.getDataValidationHelper().createExplicitListConstraint(labels.toArray(String[]::new));
        }

        private void listValidation(Sheet sheet, DataValidationConstraint k, CellRangeAddressList range, boolean stop) {
            DataValidation v = sheet.getDataValidationHelper().createValidation(k, range);
            v.setErrorStyle(stop ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
            v.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
            v.setShowErrorBox(true);
            v.createErrorBox(layout.word("listErrorTitle"), layout.word("listErrorText"));
            v.setEmptyCellAllowed(true);
            sheet.addValidationData(v);
        }

        private void setValue(Cell cell, WorkbookLayout.Column c, JsonNode v) {
            if (v == null || v.isNull()) {
                return;
            }
            switch (c.type()) {
                case "amount" -> {
                    BigDecimal d = v.decimalValue();
                    if (exactDouble(d)) {
                        cell.setCellValue(d.doubleValue());
                    } else {
                        cell.setCellValue(d.toPlainString()); // beyond Excel's 15 digits: kept exact, as text
                    }
                }
                case "integer" -> cell.setCellValue(v.asLong());
                case "date" -> cell.setCellValue(LocalDate.parse(v.asText()));
                case "boolean" -> cell.setCellValue(c.labels().get(Boolean.toString(v.asBoolean())));
                case "choice" -> cell.setCellValue(c.choices().stream().filter(ch -> ch.value().equals(v.asText()))
                        .map(WorkbookLayout.Choice::label).findFirst().orElse(v.asText()));
                default -> cell.setCellValue(escapeX(v.asText()));
            }
        }
    }

    /** A declared total is written as its formula only when the formula gives exactly that value. */
    private static boolean formulaGives(WorkbookLayout.Table t, WorkbookLayout.Column c, JsonNode p, JsonNode v) {
        Matcher m = SUM.matcher(c.formula());
        if (!m.matches()) {
            return false;
        }
        int from = t.index(m.group(1));
        int to = t.index(m.group(2));
        if (from < 0 || to < from) {
            return false;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i <= to; i++) {
            JsonNode part = at(p, t.columns().get(i).key());
            if (part != null && part.isNumber()) {
                if (!exactDouble(part.decimalValue())) {
                    return false;
                }
                sum = sum.add(part.decimalValue());
            }
        }
        return sum.compareTo(v.decimalValue()) == 0 && exactDouble(v.decimalValue());
    }

    private static String formula(WorkbookLayout.Table t, WorkbookLayout.Column c, int rowIndex) {
        String f = c.formula().replace("{row}", Integer.toString(rowIndex + 1));
        for (int i = 0; i < t.columns().size(); i++) {
            f = f.replace("{" + t.columns().get(i).key() + "}", CellReference.convertNumToColString(i));
        }
        return f;
    }

    private static Iterable<JsonNode> units(JsonNode doc) {
        return doc == null ? List.of() : doc.path("units");
    }

    /** {@code amounts.fiscal} below {@code node}. */
    static JsonNode at(JsonNode node, String key) {
        JsonNode n = node;
        for (String part : key.split("\\.")) {
            if (n == null) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    /** What Excel accepts as a defined name: POI checks the characters; Excel also refuses A1/R1C1 look-alikes. */
    static boolean validName(String s) {
        if (s.isEmpty() || s.length() > 255 || CELL_LIKE.matcher(s).matches()) {
            return false;
        }
        if (!(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.');
    }

    static String quote(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }

    /** Whether the double nearest to {@code d} shows, with Excel's 15 significant digits, exactly {@code d}. */
    static boolean exactDouble(BigDecimal d) {
        if (d.stripTrailingZeros().precision() > 15) {
            return false;
        }
        double x = d.doubleValue();
        return !Double.isInfinite(x) && new BigDecimal(Double.toString(x)).compareTo(d) == 0;
    }

    /** A literal "_x0041_" in a text would be read back as "A" (the OOXML escape): escape its underscore. */
    static String escapeX(String s) {
        return s.contains("_x") ? X_ESCAPE.matcher(s).replaceAll("_x005F_$1") : s;
    }

    /**
     * Estimated wrapped lines of a text in a column {@code width} characters wide: in 宋体 a CJK
     * character is two of the digit widths a column is measured in.
     */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double perLine = Math.max(1, width - 1);
        int lines = 0;
        for (String para : text.split("\n", -1)) {
            double units = 0;
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                units += cp >= 0x2E80 ? 2 : 1;
                i += Character.charCount(cp);
            }
            lines += Math.max(1, (int) Math.ceil(units / perLine));
        }
        return lines;
    }
}
