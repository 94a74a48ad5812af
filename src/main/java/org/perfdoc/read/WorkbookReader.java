package org.perfdoc.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Locations;
import org.perfdoc.problems.Problems;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.WorkbookLayout;

/**
 * Reads an .xlsx workbook, laid out as its style's {@code workbook.json} says, into the same JSON
 * tree a JSON file gives, remembering the cell of every value; the JSON reader then builds the
 * document from that tree, so every rule and message is the JSON file's, placed at a cell
 * ({@code 2024.xlsx: 绩效指标!D14: 错误: …}). Columns are found by their header, in any order; what
 * people really save is read: merged cells, numbers typed as text, formulas, dates in any of the
 * usual forms, blank rows, a 合计 row, hidden rows and columns, extra columns.
 */
public final class WorkbookReader {
    /** Rows searched for a table's header row (a title row or two above it are common). */
    static final int HEADER_SEARCH_ROWS = 20;
    /** Problems kept per workbook: a badly shifted sheet would otherwise give one per cell. */
    static final int MAX_PROBLEMS = 200;
    /** {@code [1]Sheet1!A1} as stored, or {@code [other.xlsx]Sheet1!A1}. */
    private static final Pattern EXTERNAL = Pattern.compile("\\[[^\\]]+\\][^!()]*!");
    private static final Pattern TOTAL = Pattern.compile("^(本页|本表|本单位|单位|部门|项目)?(合计|总计|小计|共计|累计)[:：]?$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final StyleCatalog styles;
    private final Limits limits;
    private final SheetLimits sheetLimits;
    private final JsonDocumentReader json;

    /** A reader of the workbooks of {@code styles}, within {@code limits}, building documents with {@code json}. */
    public WorkbookReader(StyleCatalog styles, Limits limits, SheetLimits sheetLimits, JsonDocumentReader json) {
        this.styles = styles;
        this.limits = limits;
        this.sheetLimits = sheetLimits;
        this.json = json;
    }

    /** Whether {@code bytes} are a workbook (a zip or an OLE2 file) rather than JSON. */
    public static boolean isWorkbook(byte[] bytes) {
        return WorkbookGuard.looksLikeWorkbook(bytes);
    }

    /** Reads {@code file}; a file that cannot be read, or is too large, is a problem, not an exception. */
    public ReadResult read(Path file) {
        return InputFile.read(file, limits, this::read, WorkbookReader::refused);
    }

    /** Reads the bytes of a workbook named {@code name}; never throws for bad content. */
    public ReadResult read(String name, byte[] bytes) {
        if (bytes.length > limits.maxInputBytes()) {
            return refused(name, InputFile.tooLarge(bytes.length, limits));
        }
        Map<String, Locations.Where> places = new HashMap<>();
        Problems problems = new Problems(new Locations(name, places));
        List<String> warnings;
        try {
            warnings = WorkbookGuard.check(bytes, sheetLimits);
        } catch (WorkbookGuard.Refused e) {
            problems.errorInCell("", e.getMessage());
            return new ReadResult(null, problems);
        }
        warnings.forEach(w -> problems.warningInCell("", w));
        // Here, not in the constructor: setting them starts POI and its logging, which a run that
        // reads only JSON should not pay for.
        WorkbookGuard.applyZipLimits(sheetLimits);
        Reading reading = new Reading(problems, places);
        ObjectNode tree = null;
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            try {
                tree = reading.run(pkg);
            } finally {
                pkg.revert(); // opened to read: never written back
            }
        } catch (SheetLimits.Exceeded e) {
            problems.errorInCell("", e.getMessage());
        } catch (Exception | StackOverflowError e) {
            problems.errorInCell("", WorkbookGuard.explain(e));
        }
        reading.finish();
        if (tree == null) {
            return new ReadResult(null, problems);
        }
        TargetDocument doc = json.document(tree, problems);
        return new ReadResult(doc, problems);
    }

    private static ReadResult refused(String name, String message) {
        Problems problems = new Problems(Locations.none(name));
        problems.errorInCell("", message);
        return new ReadResult(null, problems);
    }

    /** A style's workbook layout with the style's name. */
    private record Layout(String style, WorkbookLayout workbook, Style full) {
    }

    /** One data row: its values by column key, and the cell of each. */
    private static final class Rec {
        final String sheet;
        final int row;
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, String> refs = new HashMap<>();
        final Set<String> failed = new HashSet<>();

        Rec(String sheet, int row) {
            this.sheet = sheet;
            this.row = row;
        }

        String ref(String key) {
            return refs.getOrDefault(key, sheet + "!A" + (row + 1));
        }
    }

    /** A table's header row: where the data starts, the column of each key, the columns not known. */
    private record Header(int dataStart, Map<String, Integer> cols, Map<Integer, String> unknown) {
    }

    /** Returned by {@link Reading#convert} for a cell already reported as wrong, so it is not "missing" too. */
    private static final Object FAILED = new Object();

    /** The state of reading one workbook. */
    private final class Reading {
        private final Problems problems;
        private final Map<String, Locations.Where> places;
        private final Map<String, String> sheetFor = new HashMap<>();
        private int kept;
        private int suppressed;
        private int suppressedErrors;
        private boolean date1904;
        private Layout layout;

        Reading(Problems problems, Map<String, Locations.Where> places) {
            this.problems = problems;
            this.places = places;
        }

        ObjectNode run(OPCPackage pkg) throws Exception {
            XSSFReader reader = new XSSFReader(pkg);
            SheetReader.Book book = SheetReader.book(reader);
            List<Layout> layouts = layouts();
            Set<String> wanted = new HashSet<>();
            for (Layout l : layouts) {
                WorkbookLayout w = l.workbook();
                for (String role : List.of("document", "projects", "indicators")) {
                    String s = pick(names(w, role), book.sheets(), Set.of());
                    if (s != null) {
                        wanted.add(s);
                    }
                }
            }
            Map<String, SheetGrid> grids = SheetReader.read(pkg, reader, book, wanted, sheetLimits);
            layout = chooseLayout(layouts, book, grids);
            if (layout == null) {
                return null;
            }
            WorkbookLayout w = layout.workbook();
            boolean missing = false;
            for (String role : List.of("document", "projects", "indicators")) {
                String s = pick(names(w, role), book.sheets(), new HashSet<>(sheetFor.values()));
                if (s == null) {
                    error("", "缺少工作表“" + names(w, role).get(0) + "”；工作簿中的工作表："
                            + String.join("、", book.sheets()));
                    missing = true;
                } else {
                    sheetFor.put(role, s);
                }
            }
            if (missing) {
                return null;
            }
            attachFormulas(pkg, grids);
            for (String role : List.of("document", "projects", "indicators")) {
                SheetGrid g = grids.get(sheetFor.get(role));
                if (g.sheetHidden) {
                    warning(g.sheet, "工作表是隐藏的，仍然读入");
                }
            }
            ObjectNode doc = NODES.objectNode();
            places.put("$", new Locations.Where(0, 0, ""));
            readForm(grids.get(sheetFor.get("document")), doc);
            List<Rec> projects = readTable(grids.get(sheetFor.get("projects")), w.projects(), true);
            List<Rec> indicators = readTable(grids.get(sheetFor.get("indicators")), w.indicators(), false);
            if (projects == null || indicators == null) {
                return null;
            }
            assemble(doc, projects, indicators);
            return doc;
        }

        /** The styles that have a workbook, in name order. */
        private List<Layout> layouts() {
            List<Layout> all = new ArrayList<>();
            for (String name : styles.names()) {
                Optional<Style> s = styles.find(name);
                if (s.isPresent() && s.get().workbook() != null) {
                    all.add(new Layout(name, s.get().workbook(), s.get()));
                }
            }
            return all;
        }

        private static List<String> names(WorkbookLayout w, String role) {
            List<String> n = new ArrayList<>();
            switch (role) {
                case "document" -> {
                    n.add(w.document().sheet());
                    n.addAll(w.document().aliases());
                }
                case "projects" -> {
                    n.add(w.projects().sheet());
                    n.addAll(w.projects().aliases());
                }
                default -> {
                    n.add(w.indicators().sheet());
                    n.addAll(w.indicators().aliases());
                }
            }
            return n;
        }

        /** The first sheet (not already taken) whose name matches one of {@code names}, loosely. */
        private static String pick(List<String> names, List<String> sheets, Set<String> taken) {
            for (String n : names) {
                String k = CellValues.headerKey(n);
                for (String s : sheets) {
                    if (CellValues.headerKey(s).equals(k) && !taken.contains(s)) {
                        return s;
                    }
                }
            }
            return null;
        }

        /** The layout of the style the form names in its 版式 row. */
        private Layout chooseLayout(List<Layout> layouts, SheetReader.Book book, Map<String, SheetGrid> grids) {
            String sheetSeen = null;
            for (Layout l : layouts) {
                String sheet = pick(names(l.workbook(), "document"), book.sheets(), Set.of());
                if (sheet == null) {
                    continue;
                }
                sheetSeen = sheet;
                WorkbookLayout.Column field = l.workbook().document().field("style");
                SheetGrid g = grids.get(sheet);
                int r = formRow(g, field);
                if (r < 0) {
                    continue;
                }
                String where = valueRef(g, r);
                SheetGrid.Cell cell = g.get(r, valueCol(g, r));
                String value = cell == null ? null : String.valueOf(CellValues.halfWidth(describe(cell)));
                if (value == null || value.isEmpty()) {
                    error(where, "缺少" + field.header() + "，可选：" + String.join("、", labels(layouts)));
                    return null;
                }
                for (Layout candidate : layouts) {
                    WorkbookLayout.Column f = candidate.workbook().document().field("style");
                    if (f.choices().stream().anyMatch(c -> c.value().equals(value) || c.label().equals(value))) {
                        return candidate;
                    }
                }
                error(where, "未知" + field.header() + " \"" + value + "\"，可选：" + String.join("、", labels(layouts)));
                return null;
            }
            if (sheetSeen == null) {
                List<String> expected = layouts.stream().map(l -> l.workbook().document().sheet()).distinct().toList();
                error("", "缺少工作表“" + String.join("”或“", expected) + "”；工作簿中的工作表："
                        + String.join("、", book.sheets()) + "（请用 perfdoc template 生成的模板填写）");
            } else {
                error(sheetSeen, "缺少“" + layouts.get(0).workbook().document().field("style").header() + "”一行，可选："
                        + String.join("、", labels(layouts)));
            }
            return null;
        }

        private static List<String> labels(List<Layout> layouts) {
            return layouts.stream().map(Layout::style).toList();
        }

        /** Formulas saved without a result are computed on the whole workbook, opened only when one is needed. */
        private void attachFormulas(OPCPackage pkg, Map<String, SheetGrid> grids) {
            WorkbookFormulas[] formulas = new WorkbookFormulas[1];
            for (SheetGrid g : grids.values()) {
                if (!g.hasUncached()) {
                    continue;
                }
                g.evaluator = (row, col) -> {
                    if (formulas[0] == null) {
                        try {
                            formulas[0] = new WorkbookFormulas(new XSSFWorkbook(pkg));
                        } catch (IOException | RuntimeException e) {
                            throw new SheetGrid.FormulaRefused("无法打开工作簿计算公式：" + e.getMessage());
                        }
                    }
                    return formulas[0].evaluate(g.sheet, row, col);
                };
            }
        }

        // ---- 基本信息: label | value rows

        private int formRow(SheetGrid g, WorkbookLayout.Column field) {
            Set<String> keys = new HashSet<>();
            field.allHeaders().forEach(h -> keys.add(CellValues.headerKey(h)));
            for (int r = 0; r <= g.lastRow(); r++) {
                SheetGrid.Cell label = g.row(r).stream().findFirst().orElse(null);
                if (label != null && label.kind() == SheetGrid.Kind.STRING) {
                    String k = CellValues.headerKey(label.text());
                    if (keys.contains(k) || keys.contains(CellValues.withoutParenthesis(k))) {
                        return r;
                    }
                }
            }
            return -1;
        }

        /** The column of a form row's value: right of its label (or of the label's merged region). */
        private int valueCol(SheetGrid g, int r) {
            SheetGrid.Cell label = g.row(r).stream().findFirst().orElseThrow();
            CellRangeAddress m = g.mergeAt(r, label.col());
            return (m == null ? label.col() : m.getLastColumn()) + 1;
        }

        private String valueRef(SheetGrid g, int r) {
            return g.sheet + "!" + new CellReference(r, valueCol(g, r)).formatAsString(false);
        }

        private void readForm(SheetGrid g, ObjectNode doc) {
            date1904 = g.date1904;
            WorkbookLayout.Form form = layout.workbook().document();
            Map<String, WorkbookLayout.Column> byLabel = new HashMap<>();
            for (WorkbookLayout.Column f : form.fields()) {
                for (String h : f.allHeaders()) {
                    byLabel.put(CellValues.headerKey(h), f);
                }
            }
            Set<String> ignored = Set.of(CellValues.headerKey(form.labelHeader()));
            Set<String> seen = new HashSet<>();
            for (int r = 0; r <= g.lastRow(); r++) {
                SheetGrid.Cell label = g.row(r).stream().findFirst().orElse(null);
                if (label == null || label.kind() != SheetGrid.Kind.STRING) {
                    continue;
                }
                String key = CellValues.headerKey(label.text());
                WorkbookLayout.Column f = byLabel.get(key);
                if (f == null) {
                    f = byLabel.get(CellValues.withoutParenthesis(key));
                }
                if (f == null) {
                    if (!ignored.contains(key)) {
                        warning(g.sheet + "!" + label.ref(), "“" + label.text() + "”不是本表的项目，已忽略");
                    }
                    continue;
                }
                String where = valueRef(g, r);
                String path = "$." + f.key();
                if (!seen.add(f.key())) {
                    error(where, "“" + f.header() + "”填了两次（另见 " + places.get(path).cell() + "）");
                    continue;
                }
                places.put(path, new Locations.Where(0, 0, where));
                SheetGrid.Cell cell = cellAt(g, r, valueCol(g, r));
                Object v = cell == null ? null : convert(cell, f, where);
                if (v == FAILED) {
                    continue;
                }
                if (v == null) {
                    if (f.isRequired()) {
                        problems.error(path, "缺少" + f.header());
                    }
                    continue;
                }
                if (f.key().equals("style") && !v.equals(layout.style())) {
                    continue; // chosen from this very cell
                }
                doc.set(f.key(), node(v));
            }
            if (!doc.has("style")) {
                doc.put("style", layout.style());
            }
            for (WorkbookLayout.Column f : form.fields()) {
                if (f.isRequired() && !seen.contains(f.key())) {
                    error(g.sheet, "缺少“" + f.header() + "”一行");
                }
            }
        }

        // ---- tables

        private Header findHeader(SheetGrid g, WorkbookLayout.Table t) {
            Header best = null;
            int bestScore = 0;
            int last = Math.min(g.lastRow(), HEADER_SEARCH_ROWS - 1);
            for (int r = 0; r <= last; r++) {
                for (int span = 1; span <= 2; span++) {
                    Map<Integer, String> texts = new TreeMap<>();
                    for (int k = 0; k < span; k++) {
                        for (SheetGrid.Cell c : g.row(r + k)) {
                            if (c.kind() == SheetGrid.Kind.STRING && !c.text().isBlank()) {
                                texts.put(c.col(), c.text()); // of a two-row header, the lower row wins
                            }
                        }
                    }
                    Header h = match(texts, t, r + span);
                    int score = h.cols().size() * 2 - h.unknown().size();
                    if (!h.cols().isEmpty() && score > bestScore) {
                        best = h;
                        bestScore = score;
                    }
                }
            }
            return best;
        }

        private Header match(Map<Integer, String> texts, WorkbookLayout.Table t, int dataStart) {
            Map<String, Integer> cols = new LinkedHashMap<>();
            Map<Integer, String> unknown = new TreeMap<>();
            for (Map.Entry<Integer, String> e : texts.entrySet()) {
                WorkbookLayout.Column found = column(t, e.getValue());
                if (found == null || cols.containsKey(found.key())) {
                    unknown.put(e.getKey(), e.getValue());
                } else {
                    cols.put(found.key(), e.getKey());
                }
            }
            return new Header(dataStart, cols, unknown);
        }

        private static WorkbookLayout.Column column(WorkbookLayout.Table t, String header) {
            String key = CellValues.headerKey(header);
            for (WorkbookLayout.Column c : t.columns()) {
                for (String h : c.allHeaders()) {
                    String hk = CellValues.headerKey(h);
                    if (hk.equals(key) || hk.equals(CellValues.withoutParenthesis(key))) {
                        return c;
                    }
                }
            }
            return null;
        }

        private List<Rec> readTable(SheetGrid g, WorkbookLayout.Table t, boolean projectsTable) {
            date1904 = g.date1904;
            Header h = findHeader(g, t);
            if (h == null) {
                error(g.sheet, "找不到表头行（前 " + HEADER_SEARCH_ROWS + " 行中没有 " + String.join("、",
                        t.columns().stream().filter(WorkbookLayout.Column::isRequired)
                                .map(WorkbookLayout.Column::header).toList()) + "）");
                return null;
            }
            boolean complete = true;
            for (WorkbookLayout.Column c : t.columns()) {
                if (c.isRequired() && !h.cols().containsKey(c.key())) {
                    error(g.sheet + "!A" + h.dataStart(), "缺少列“" + c.header() + "”；找到的表头："
                            + String.join("、", headerTexts(g, h)));
                    complete = false;
                }
            }
            for (Map.Entry<Integer, String> u : h.unknown().entrySet()) {
                String col = CellReference.convertNumToColString(u.getKey());
                String where = g.sheet + "!" + col + h.dataStart();
                if (column(t, u.getValue()) != null) {
                    error(where, "列 " + col + " 的表头“" + u.getValue() + "”重复，只读第一列");
                } else {
                    warning(where, "列 " + col + " 的表头“" + u.getValue() + "”不是本表的列，已忽略");
                }
            }
            if (!complete) {
                return null;
            }
            for (Map.Entry<String, Integer> e : h.cols().entrySet()) {
                if (g.hiddenCols.get(e.getValue())) {
                    String col = CellReference.convertNumToColString(e.getValue());
                    warning(g.sheet + "!" + col + h.dataStart(), "列 " + col + "（" + t.column(e.getKey()).header()
                            + "）是隐藏列，仍然读入");
                }
            }
            // a merged region across several of the table's columns: only its first column gets the value
            Map<Long, CellRangeAddress> wide = new HashMap<>();
            for (CellRangeAddress m : g.merges) {
                if (m.getLastColumn() > m.getFirstColumn() && m.getFirstRow() >= h.dataStart()) {
                    for (int c = m.getFirstColumn() + 1; c <= m.getLastColumn(); c++) {
                        wide.put(SheetGrid.key(m.getFirstRow(), c), m);
                    }
                }
            }
            Set<String> warnedWide = new HashSet<>();
            List<Rec> recs = new ArrayList<>();
            Map<String, Object> carry = new HashMap<>();
            Map<String, String> carryRef = new HashMap<>();
            List<Integer> hidden = new ArrayList<>();
            int lastRow = g.lastRow();
            for (int r = h.dataStart(); r <= lastRow; r++) {
                if (!hasEntry(g, r, h)) {
                    carry.clear(); // a blank row (or formulas giving 0 or ""): a separator
                    continue;
                }
                String total = totalLabel(g, r, h, t);
                if (total != null) {
                    warning(g.sheet + "!A" + (r + 1), "第 " + (r + 1) + " 行是“" + total + "”行，已跳过");
                    continue;
                }
                if (projectsTable && isSubtotal(g, r, h, t)) {
                    warning(g.sheet + "!A" + (r + 1), "第 " + (r + 1) + " 行只有单位和金额、没有项目名称，看起来是单位小计行，已跳过");
                    continue;
                }
                if (g.hiddenRows.get(r)) {
                    hidden.add(r + 1);
                }
                Rec rec = new Rec(g.sheet, r);
                for (WorkbookLayout.Column c : t.columns()) {
                    Integer col = h.cols().get(c.key());
                    if (col == null) {
                        continue;
                    }
                    String where = g.sheet + "!" + new CellReference(r, col).formatAsString(false);
                    rec.refs.put(c.key(), where);
                    CellRangeAddress w = wide.get(SheetGrid.key(r, col));
                    if (w != null && warnedWide.add(w.formatAsString())) {
                        warning(where, "合并单元格 " + w.formatAsString() + " 跨越多列，只用于第一列");
                    }
                    SheetGrid.Cell cell = cellAt(g, r, col);
                    Object v = cell == null ? null : convert(cell, c, where);
                    if (v == FAILED) {
                        rec.failed.add(c.key());
                        continue;
                    }
                    if (v == null && c.sameAsAbove() && carry.containsKey(c.key())) {
                        v = carry.get(c.key()); // 同上: the value (and the cell) of the row above
                        rec.refs.put(c.key(), carryRef.get(c.key()));
                    } else if (v != null && c.sameAsAbove()) {
                        carry.put(c.key(), v);
                        carryRef.put(c.key(), where);
                    }
                    if (v != null) {
                        rec.values.put(c.key(), v);
                    }
                }
                recs.add(rec);
            }
            if (!hidden.isEmpty()) {
                warning(g.sheet, "第 " + shortList(hidden) + " 行是隐藏行，仍然读入");
            }
            return recs;
        }

        /**
         * Whether row {@code r} holds something someone entered: any value, or a formula whose result is
         * not 0, "" or FALSE (so rows of =SUM(C2:E2) filled down below the data are blank). A formula
         * saved without a result counts as blank here.
         */
        private boolean hasEntry(SheetGrid g, int r, Header h) {
            for (int col : h.cols().values()) {
                SheetGrid.Cell c = g.get(r, col);
                if (c == null) {
                    continue;
                }
                if (c.formula() == null) {
                    return true;
                }
                boolean meaningful = switch (c.kind()) {
                    case NUMBER -> c.number() != 0;
                    case STRING, DATE_ISO -> !c.text().isBlank();
                    case BOOLEAN -> c.bool();
                    case ERROR -> true;
                };
                if (meaningful) {
                    return true;
                }
            }
            return false;
        }

        /** The cell's value, computing a formula saved without its result. */
        private SheetGrid.Cell cellAt(SheetGrid g, int r, int c) {
            SheetGrid.Cell cell = g.get(r, c);
            String formula = cell == null ? g.uncachedFormula(r, c) : null;
            if (formula != null) {
                String where = g.sheet + "!" + new CellReference(r, c).formatAsString(false);
                if (g.evaluator == null) {
                    error(where, "公式 =" + formula + " 没有保存计算结果");
                    return null;
                }
                try {
                    cell = g.evaluator.evaluate(r, c);
                } catch (SheetGrid.FormulaRefused e) {
                    error(where, e.getMessage());
                    return null;
                }
            }
            if (cell != null && cell.formula() != null && EXTERNAL.matcher(cell.formula()).find()) {
                warning(g.sheet + "!" + cell.ref(), "公式 =" + cell.formula()
                        + " 引用了其他工作簿：不更新外部链接，使用保存时的结果");
            }
            return cell;
        }

        private String totalLabel(SheetGrid g, int r, Header h, WorkbookLayout.Table t) {
            for (Map.Entry<String, Integer> e : h.cols().entrySet()) {
                if (!t.column(e.getKey()).type().equals("text")) {
                    continue;
                }
                SheetGrid.Cell cell = g.get(r, e.getValue());
                if (cell != null && cell.kind() == SheetGrid.Kind.STRING && cell.text().length() <= 12
                        && TOTAL.matcher(CellValues.headerKey(cell.text())).matches()) {
                    return cell.text().strip();
                }
            }
            return null;
        }

        /** Only 资金使用单位 and amounts: a unit's subtotal row, as the published table has. */
        private boolean isSubtotal(SheetGrid g, int r, Header h, WorkbookLayout.Table t) {
            Integer name = h.cols().get("name");
            if (name == null || g.get(r, name) != null) {
                return false;
            }
            boolean amount = false;
            for (Map.Entry<String, Integer> e : h.cols().entrySet()) {
                WorkbookLayout.Column c = t.column(e.getKey());
                if (g.get(r, e.getValue()) == null) {
                    continue;
                }
                if (c.type().equals("amount")) {
                    amount = true;
                } else if (!c.key().equals("unit")) {
                    return false;
                }
            }
            return amount;
        }

        private Object convert(SheetGrid.Cell cell, WorkbookLayout.Column c, String where) {
            String merged = cell.mergedFrom() == null ? "" : "（合并单元格 " + cell.mergedFrom() + "）";
            if (cell.kind() == SheetGrid.Kind.ERROR && cell.formula() != null) {
                error(where, c.header() + "：公式 =" + cell.formula() + " 的结果是错误值 " + cell.text()
                        + (cell.text().equals("#VALUE!") ? "（所引用的单元格中有文字或空格？）" : ""));
                return FAILED;
            }
            try {
                CellValues.Converted v = switch (c.type()) {
                    case "amount" -> CellValues.amount(cell, c.minScale() == null ? 0 : c.minScale());
                    case "integer" -> CellValues.integer(cell);
                    case "date" -> CellValues.date(cell, date1904);
                    case "boolean" -> CellValues.bool(cell, c.labels().get("true"), c.labels().get("false"));
                    case "choice" -> choice(cell, c);
                    default -> CellValues.text(cell);
                };
                if (v.warning() != null) {
                    warning(where, c.header() + "：" + v.warning() + merged);
                }
                Object value = v.value();
                return value instanceof String s && s.isEmpty() ? null : value;
            } catch (CellValues.Bad e) {
                error(where, c.header() + "：" + e.getMessage() + merged);
                return FAILED;
            }
        }

        private CellValues.Converted choice(SheetGrid.Cell cell, WorkbookLayout.Column c) throws CellValues.Bad {
            String s = String.valueOf(CellValues.text(cell).value());
            for (WorkbookLayout.Choice ch : c.choices()) {
                if (ch.label().equals(s) || ch.value().equals(s)) {
                    return new CellValues.Converted(ch.value(), null);
                }
            }
            if (s.isEmpty()) {
                return new CellValues.Converted(null, null);
            }
            throw new CellValues.Bad("“" + s + "”不在可选值中：" + String.join("、",
                    c.choices().stream().map(WorkbookLayout.Choice::label).toList()));
        }

        // ---- the document

        private void assemble(ObjectNode doc, List<Rec> projectRows, List<Rec> indicatorRows) {
            WorkbookLayout w = layout.workbook();
            ArrayNode units = doc.putArray("units");
            places.put("$.units", new Locations.Where(0, 0, sheetFor.get("projects")));
            Map<String, ObjectNode> unitByName = new LinkedHashMap<>();
            Map<String, String> unitPath = new HashMap<>();
            Map<String, ObjectNode> projectByKey = new HashMap<>();
            Map<String, String> projectPath = new HashMap<>();
            Map<String, String> projectCell = new HashMap<>();
            Map<String, List<String>> unitsOfProject = new HashMap<>();
            for (Rec rec : projectRows) {
                String unitName = (String) rec.values.get("unit");
                String name = (String) rec.values.get("name");
                String unitKey = unitName == null ? "\u0000" + rec.row : unitName;
                ObjectNode unit = unitByName.get(unitKey);
                if (unit == null) {
                    unit = units.addObject();
                    String path = "$.units[" + (units.size() - 1) + "]";
                    if (unitName != null) {
                        unit.put("name", unitName);
                    } else if (!rec.failed.contains("unit") && keep(true)) {
                        problems.error(path + ".name", "缺少" + w.projects().column("unit").header());
                    }
                    unit.putArray("projects");
                    unitByName.put(unitKey, unit);
                    unitPath.put(unitKey, path);
                    place(path, rec.ref("unit"));
                    place(path + ".name", rec.ref("unit"));
                }
                ArrayNode list = (ArrayNode) unit.get("projects");
                String path = unitPath.get(unitKey) + ".projects[" + list.size() + "]";
                String key = unitKey + "\u0000" + name;
                if (name != null && projectByKey.containsKey(key)) {
                    error(rec.ref("name"), w.projects().column("name").header() + "“" + name + "”在“" + unitName
                            + "”中重复（另见 " + projectCell.get(key) + "）；" + w.indicators().sheet() + "无法对应，请改名或合并");
                    continue;
                }
                ObjectNode p = list.addObject();
                place(path, rec.ref("name"));
                values(p, path, rec, w.projects(), Set.of("unit"));
                p.putArray("indicators");
                if (name != null) {
                    projectByKey.put(key, p);
                    projectPath.put(key, path);
                    projectCell.put(key, rec.ref("name"));
                    unitsOfProject.computeIfAbsent(name, k -> new ArrayList<>()).add(unitName);
                }
            }
            Set<String> reported = new HashSet<>();
            WorkbookLayout.Column unitColumn = w.indicators().column("unit");
            WorkbookLayout.Column projectColumn = w.indicators().column("project");
            for (Rec rec : indicatorRows) {
                String unitName = (String) rec.values.get("unit");
                String name = (String) rec.values.get("project");
                if (name == null) {
                    if (!rec.failed.contains("project")) {
                        error(rec.ref("project"), "缺少" + projectColumn.header() + "：不知道这一行属于哪个项目");
                    }
                    continue;
                }
                if (unitName == null) {
                    List<String> us = unitsOfProject.getOrDefault(name, List.of());
                    if (us.size() == 1) {
                        unitName = us.get(0);
                    } else if (us.size() > 1) {
                        if (reported.add("\u0000" + name)) {
                            error(rec.ref("project"), projectColumn.header() + "“" + name + "”在 "
                                    + String.join("、", us) + " 中都有，请填写" + unitColumn.header());
                        }
                        continue;
                    }
                }
                String key = unitName + "\u0000" + name;
                ObjectNode p = projectByKey.get(key);
                if (p == null) {
                    if (reported.add(key) && kept < MAX_PROBLEMS) {
                        error(rec.ref("project"), projectColumn.header() + "“" + name + "”"
                                + (unitName == null ? "" : "（" + unitName + "）") + "不在“" + sheetFor.get("projects")
                                + "”表中" + closest(name, unitsOfProject.keySet()));
                    }
                    continue;
                }
                ArrayNode indicators = (ArrayNode) p.get("indicators");
                String path = projectPath.get(key) + ".indicators[" + indicators.size() + "]";
                ObjectNode ind = indicators.addObject();
                place(path, rec.sheet + "!A" + (rec.row + 1));
                values(ind, path, rec, w.indicators(), Set.of("unit", "project"));
            }
        }

        /** A record's values into {@code o}, each placed at its cell; a required value left blank is an error. */
        private void values(ObjectNode o, String path, Rec rec, WorkbookLayout.Table t, Set<String> links) {
            Set<String> groups = new HashSet<>();
            for (WorkbookLayout.Column c : t.columns()) {
                if (links.contains(c.key()) || !rec.refs.containsKey(c.key())) {
                    continue;
                }
                String p = path + "." + c.key();
                int dot = c.key().indexOf('.');
                if (dot > 0 && groups.add(c.key().substring(0, dot))) {
                    // the group (amounts, budget) exists once its sheet has a column of it, and sits at that cell
                    String group = c.key().substring(0, dot);
                    o.putObject(group);
                    place(path + "." + group, rec.ref(c.key()));
                }
                place(p, rec.ref(c.key()));
                Object v = rec.values.get(c.key());
                if (v != null) {
                    put(o, c.key(), v);
                } else if (c.isRequired() && !rec.failed.contains(c.key()) && keep(true)) {
                    problems.error(p, "缺少" + c.header());
                }
            }
        }

        private void place(String path, String cell) {
            places.put(path, new Locations.Where(0, 0, cell));
        }

        private static void put(ObjectNode o, String key, Object v) {
            String[] parts = key.split("\\.");
            ObjectNode n = o;
            for (int i = 0; i < parts.length - 1; i++) {
                n = n.has(parts[i]) ? (ObjectNode) n.get(parts[i]) : n.putObject(parts[i]);
            }
            n.set(parts[parts.length - 1], node(v));
        }

        private static JsonNode node(Object v) {
            if (v instanceof BigDecimal d) {
                return DecimalNode.valueOf(d);
            }
            if (v instanceof Long l) {
                return LongNode.valueOf(l);
            }
            if (v instanceof Boolean b) {
                return BooleanNode.valueOf(b);
            }
            if (v instanceof LocalDate d) {
                return TextNode.valueOf(d.toString());
            }
            return TextNode.valueOf(v.toString());
        }

        // ---- problems

        private void error(String cell, String message) {
            if (keep(true)) {
                problems.errorInCell(cell, message);
            }
        }

        private void warning(String cell, String message) {
            if (keep(false)) {
                problems.warningInCell(cell, message);
            }
        }

        private boolean keep(boolean error) {
            if (kept < MAX_PROBLEMS) {
                kept++;
                return true;
            }
            suppressed++;
            if (error) {
                suppressedErrors++;
            }
            return false;
        }

        /** A last line counting the problems beyond {@link #MAX_PROBLEMS}. */
        void finish() {
            if (suppressed > 0) {
                String m = "另有 " + suppressed + " 个问题未列出（其中错误 " + suppressedErrors + " 个；只列前 "
                        + MAX_PROBLEMS + " 个）";
                if (suppressedErrors > 0) {
                    problems.errorInCell("", m);
                } else {
                    problems.warningInCell("", m);
                }
            }
        }
    }

    private static String describe(SheetGrid.Cell c) {
        return switch (c.kind()) {
            case STRING, DATE_ISO, ERROR -> c.text();
            case NUMBER -> CellValues.plain(CellValues.excelDecimal(c.number()));
            case BOOLEAN -> c.bool() ? "TRUE" : "FALSE";
        };
    }

    private static String closest(String name, Set<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(name, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? "；是否应为“" + best + "”？" : "";
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 8 || a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String shortList(List<Integer> rows) {
        List<String> s = rows.stream().limit(10).map(String::valueOf).toList();
        return String.join("、", s) + (rows.size() > 10 ? " 等 " + rows.size() + " 行" : "");
    }

    private static List<String> headerTexts(SheetGrid g, Header h) {
        List<String> out = new ArrayList<>();
        for (SheetGrid.Cell c : g.row(h.dataStart() - 1)) {
            if (c.kind() == SheetGrid.Kind.STRING) {
                out.add(c.text());
            }
        }
        return out;
    }
}
