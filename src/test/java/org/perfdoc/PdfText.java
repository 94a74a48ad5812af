package org.perfdoc;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Reads rendered PDFs back with PDFBox, the way a test of the real output must. */
public final class PdfText implements AutoCloseable {
    public static final float MM = 72f / 25.4f;
    private final PDDocument doc;

    public PdfText(byte[] pdf) throws IOException {
        this.doc = Loader.loadPDF(pdf);
    }

    public PDDocument document() {
        return doc;
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    /** All text, in reading order. */
    public String all() throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        return s.getText(doc);
    }

    /** All text in the order the PDF draws it (for most writers: cell by cell, line by line). */
    public String drawingOrder() throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    /** Text of one page (1-based). */
    public String page(int n) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(n);
        s.setEndPage(n);
        return s.getText(doc);
    }

    /**
     * The lines of one table column on every page, in order: the text inside a vertical strip (x from
     * the page's left edge, in mm) that stands below that column's header cell, above the footer.
     * Fails when a page lacks the header, so callers also prove the header repeats.
     */
    public List<String> columnLines(double fromMm, double toMm, String header, double bottomMarginMm)
            throws IOException {
        return columnLines(fromMm, toMm, header, bottomMarginMm, 1, pages(), true);
    }

    /**
     * Like {@link #columnLines(double, double, String, double)} for pages {@code first..last} (1-based),
     * skipping pages without the header unless {@code headerOnEveryPage}.
     */
    public List<String> columnLines(double fromMm, double toMm, String header, double bottomMarginMm,
                                    int first, int last, boolean headerOnEveryPage) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            PDPage page = doc.getPage(n - 1);
            PDFTextStripperByArea s = new PDFTextStripperByArea();
            s.setSortByPosition(true);
            float h = page.getMediaBox().getHeight();
            s.addRegion("c", new Rectangle2D.Double(fromMm * MM, 0, (toMm - fromMm) * MM, h - bottomMarginMm * MM));
            s.extractRegions(page);
            List<String> pageLines = new ArrayList<>();
            for (String line : s.getTextForRegion("c").split("\\R")) {
                if (!line.isBlank()) {
                    pageLines.add(line.strip());
                }
            }
            int headerAt = pageLines.indexOf(header);
            if (headerAt < 0 && !headerOnEveryPage) {
                continue;
            }
            if (headerAt < 0) {
                throw new AssertionError("page " + n + " has no header \"" + header + "\" in its column: " + pageLines);
            }
            lines.addAll(pageLines.subList(headerAt + 1, pageLines.size()));
        }
        return lines;
    }

    /** Every font used on any page (a font used on several pages comes once per page). */
    public List<PDFont> fonts() throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
