package org.perfdoc.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A style's Excel workbook, from its {@code workbook.json}: which sheets and columns there are, their
 * Chinese headers, types, formats, comments and drop-down lists, and the help sheet's text. The Java
 * knows only the document's shape (document fields, units → projects → indicators); every header,
 * width and word a finance officer sees is here.
 *
 * @param lists      the hidden sheet holding the drop-down lists
 * @param document   the two-column form of the document's fields (基本信息)
 * @param projects   one row per project (项目)
 * @param indicators one row per indicator (绩效指标 / 绩效目标)
 * @param help       the sheet that explains how to fill the workbook in (填写说明)
 * @param words      the other words the workbook shows: the required mark of comments, the titles and
 *                   texts of the boxes Excel opens when a cell is refused
 */
public record WorkbookLayout(Lists lists, Form document, Table projects, Table indicators, Help help,
                             Map<String, String> words) {
    public WorkbookLayout {
        words = words == null ? Map.of() : Map.copyOf(words);
    }

    /** The word for {@code key}; a missing one is a mistake in the style's workbook.json. */
    public String word(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalStateException("workbook.json: words." + key + " is missing");
        }
        return w;
    }

    /**
     * The hidden sheet of names.
     *
     * @param sheet      its name
     * @param level1Name the defined name of the 一级 list
     */
    public record Lists(String sheet, String level1Name) {
    }

    /**
     * A sheet of label | value rows.
     *
     * @param sheet       its name
     * @param aliases     other names it is found by
     * @param labelHeader header of the label column
     * @param valueHeader header of the value column
     * @param noteHeader  header of the column explaining each field
     * @param fields      one row each, in order
     */
    public record Form(String sheet, List<String> aliases, String labelHeader, String valueHeader, String noteHeader,
                       List<Column> fields) {
        public Form {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            fields = List.copyOf(fields);
        }

        /** The field whose key is {@code key}, or null. */
        public Column field(String key) {
            return fields.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }
    }

    /**
     * A sheet with a header row and one record per row.
     *
     * @param sheet   its name
     * @param aliases other names it is found by
     * @param freeze  rows and columns kept in view
     * @param columns in the order the template writes them (a reader finds them by header)
     */
    public record Table(String sheet, List<String> aliases, Freeze freeze, List<Column> columns) {
        public Table {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            columns = List.copyOf(columns);
        }

        /** The column whose key is {@code key}, or null. */
        public Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }

        /** The position of the column whose key is {@code key}, or -1. */
        public int index(String key) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Rows and columns frozen at the top left. */
    public record Freeze(int rows, int cols) {
    }

    /** One value of a choice column: what is stored in the document and what the sheet shows. */
    public record Choice(String value, String label) {
    }

    /**
     * One column (or one form field).
     *
     * @param key      the field's path in the JSON form below its record ({@code amounts.fiscal}); in the
     *                 tables {@code unit} and {@code project} are the columns that link rows to records
     * @param header   the header the template writes
     * @param aliases  other headers it is found by
     * @param type     text, longtext, amount, integer, date, boolean or choice
     * @param required whether a record needs it
     * @param width    column width in characters
     * @param format   Excel number format
     * @param minScale decimals an amount gets at least (572.9 → 572.90)
     * @param blank    {@code sameAsAbove}: an empty cell repeats the value above, until a blank row
     * @param list     {@code level1} or {@code level2}: a drop-down from the style's taxonomy
     * @param formula  written in place of a value that equals it: {key} is that column's letter, {row} the row
     * @param comment  what goes there, shown as the header's comment and on the help sheet
     * @param choices  the values of a choice column
     * @param labels   the words of a boolean column: {"true": "是", "false": "否"}
     */
    public record Column(String key, String header, List<String> aliases, String type, Boolean required,
                         Integer width, String format, Integer minScale, String blank, String list, String formula,
                         String comment, List<Choice> choices, Map<String, String> labels) {
        public Column {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            type = type == null ? "text" : type;
            choices = choices == null ? List.of() : List.copyOf(choices);
            labels = labels == null ? Map.of("true", "是", "false", "否") : Map.copyOf(labels);
        }

        /** Whether a record needs this value. */
        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }

        /** Whether an empty cell takes the value of the one above. */
        public boolean sameAsAbove() {
            return "sameAsAbove".equals(blank);
        }

        /** The header, then its aliases. */
        public List<String> allHeaders() {
            List<String> all = new ArrayList<>();
            all.add(header);
            all.addAll(aliases);
            return all;
        }

        /** The width in characters (14 when not given). */
        public int widthOrDefault() {
            return width == null ? 14 : width;
        }
    }

    /**
     * The help sheet.
     *
     * @param sheet    its name
     * @param lines    paragraphs; {@code # } starts the title, {@code ## } a heading
     * @param columns  headers of the per-column table: sheet, column, required, explanation
     * @param yes      the word in the required column
     */
    public record Help(String sheet, List<String> lines, List<String> columns, String yes) {
        public Help {
            lines = List.copyOf(lines);
            columns = List.copyOf(columns);
        }
    }
}
