package org.perfdoc.validate;

/**
 * One thing wrong with an input file, precise enough for a person to find and fix it.
 *
 * @param severity error (the file is not rendered) or warning (printed, rendering goes on)
 * @param file     the input file as the user named it
 * @param path     JSON path such as {@code $.units[0].projects[3].amounts.total}
 * @param line     1-based line in the file, or 0 when unknown
 * @param column   1-based column in the file, or 0 when unknown
 * @param message  what is wrong and what is expected, in plain words
 */
public record Problem(Severity severity, String file, String path, int line, int column, String message) {

    public enum Severity {
        ERROR("错误"), WARNING("警告");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: 错误: $.path: message}, the shape compilers use so editors can jump to it. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + severity.label() + ": " + path + ": " + message;
    }
}
