package org.perfdoc;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

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

    /**
     * A character as drawn on a page, in points from the page's top-left corner.
     *
     * @param text     the character (what text extraction gives for it)
     * @param x        left edge
     * @param baseline baseline, from the top
     * @param width    advance width
     * @param height   height above the baseline, as PDFBox estimates it from the font
     */
    public record Glyph(String text, float x, float baseline, float width, float height) {
        public float top() {
            return baseline - height;
        }

        public float right() {
            return x + width;
        }
    }

    /** One line of text on a page: glyphs sharing a baseline (within half a point), left to right. */
    public record Line(String text, float baseline, float left, float right) {
    }

    /** Every character drawn on page {@code n} (1-based), in drawing order. */
    public List<Glyph> glyphs(int n) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    glyphs.add(new Glyph(t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(),
                            t.getHeightDir()));
                }
            }
        };
        s.setStartPage(n);
        s.setEndPage(n);
        s.getText(doc);
        return glyphs;
    }

    /** The lines of page {@code n}, top to bottom; whitespace is dropped. */
    public List<Line> lines(int n) throws IOException {
        List<Glyph> glyphs = new ArrayList<>(glyphs(n));
        glyphs.removeIf(g -> g.text().isBlank());
        glyphs.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<Line> lines = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (!current.isEmpty() && g.baseline() - current.get(0).baseline() > 0.5f) {
                lines.add(line(current));
                current.clear();
            }
            current.add(g);
        }
        if (!current.isEmpty()) {
            lines.add(line(current));
        }
        return lines;
    }

    private static Line line(List<Glyph> glyphs) {
        List<Glyph> byX = new ArrayList<>(glyphs);
        byX.sort(Comparator.comparingDouble(Glyph::x));
        StringBuilder text = new StringBuilder();
        byX.forEach(g -> text.append(g.text()));
        return new Line(text.toString(), byX.get(0).baseline(), byX.get(0).x(), byX.get(byX.size() - 1).right());
    }

    /** Page {@code n}'s size in points: width, height. */
    public float[] pageSize(int n) {
        var box = doc.getPage(n - 1).getMediaBox();
        return new float[] {box.getWidth(), box.getHeight()};
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
