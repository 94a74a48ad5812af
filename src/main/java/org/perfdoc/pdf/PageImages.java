package org.perfdoc.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF's pages as PNG images, for previews (PDFBox draws them, from the embedded fonts). */
public final class PageImages {
    private PageImages() {
    }

    /**
     * The pages of {@code pdf} as PNGs at {@code dpi}, the first {@code maxPages} of them.
     *
     * @param pages receives the document's page count
     */
    public static List<byte[]> of(byte[] pdf, int maxPages, float dpi, int[] pages) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages[0] = doc.getNumberOfPages();
            PDFRenderer renderer = new PDFRenderer(doc);
            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < Math.min(maxPages, doc.getNumberOfPages()); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // the request was abandoned
                }
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                images.add(out.toByteArray());
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
