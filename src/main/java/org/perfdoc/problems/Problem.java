package org.perfdoc.problems;

/**
 * One thing wrong with an input file, precise enough for a person to find and fix it.
 *
 * @param severity error (the file is not rendered) or warning (printed, rendering goes on)
 * @param file     the input file as the user named it
 * @param path     the field in the model, as a JSON path such as {@code $.units[0].projects[3].amounts.total}
 * @param line     1-based line in the file, or 0 when unknown or not a text file
 * @param column   1-based column in the file, or 0 when unknown
 * @param cell     the workbook cell holding the field, such as {@code 绩效指标!D14}, a sheet name, empty for
 *                 the workbook as a whole, or null for a JSON file
 * @param message  what is wrong and what is expected, in plain words
 */
public record Problem(Severity severity, String file, String path, int line, int column, String cell,
                      String message) {

    /** How bad a problem is. */
    public enum Severity {
        ERROR("错误"), WARNING("警告");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        /** The word printed before the message: 错误 or 警告. */
        public String label() {
            return label;
        }
    }

    /** True for an error: the file is not rendered. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code file:line:column: 错误: $.path: message}, the shape compilers use so editors can jump to
     * it; for a workbook {@code file: 绩效指标!D14: 错误: message}, or {@code file: 错误: message} for
     * the workbook as a whole (an empty cell).
     */
    @Override
    public String toString() {
        if (cell != null && cell.isEmpty()) {
            return file + ": " + severity.label() + ": " + message;
        }
        if (cell != null) {
            return file + ": " + cell + ": " + severity.label() + ": " + message;
        }
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + severity.label() + ": " + path + ": " + message;
    }
}
