package org.perfdoc.serve;

import java.util.List;

/**
 * What the HTTP layer needs of perfdoc: the real one is {@link PerfdocService}, over the facade; tests
 * of the transport use stand-ins. Called from the render threads; must be thread-safe. A render that
 * its request abandoned is interrupted: implementations may stop early, or finish and be ignored.
 */
public interface DocumentService {

    /**
     * An uploaded input.
     *
     * @param name        the file name the client gave (messages only), or a default
     * @param contentType the Content-Type the client claimed, or null
     * @param bytes       the body
     */
    record Upload(String name, String contentType, byte[] bytes) {
    }

    /**
     * One problem of an input, as the command line reports it.
     *
     * @param severity error or warning
     * @param path     the field, as a JSON path
     * @param line     its line in a JSON file, or 0
     * @param column   its column, or 0
     * @param cell     its workbook cell ({@code 绩效指标!D14}), or null
     * @param message  what is wrong and what is expected
     * @param text     the whole line as the command line prints it
     */
    record Problem(String severity, String path, int line, int column, String cell, String message, String text) {
    }

    /** What the web page shows of a document before it is rendered. */
    record Summary(String style, Integer year, String department, String title, int projects) {
    }

    /** The outcome of validation: the document (null when unreadable) and its problems, errors first. */
    record Checked(Summary summary, List<Problem> errors, List<Problem> warnings) {
    }

    /** A rendered file. {@code fileName} may be Chinese: it goes out through RFC 5987. */
    record Output(String fileName, String contentType, byte[] bytes) {
    }

    /** The pages of a rendered PDF as PNG images, at most a given number of them. */
    record Preview(Summary summary, int pages, List<byte[]> images) {
    }

    /** The input has errors: answer 422 with them. */
    final class InvalidDocumentException extends Exception {
        private final transient Checked checked;

        public InvalidDocumentException(Checked checked) {
            super(checked.errors().size() + " error(s)", null, false, false);
            this.checked = checked;
        }

        public Checked checked() {
            return checked;
        }
    }

    /** Every problem of the upload. */
    Checked validate(Upload upload) throws InterruptedException;

    /** The upload as {@code format} (pdf, docx, or zip holding both); {@code pdfa} null: the style's default. */
    Output render(Upload upload, String format, Boolean pdfa) throws InvalidDocumentException, InterruptedException;

    /** The upload's PDF as page images (at most {@code maxPages}). */
    Preview preview(Upload upload, int maxPages) throws InvalidDocumentException, InterruptedException;

    /** Renders a small document end to end: true when that works (for /healthz). */
    boolean selfCheck();
}
