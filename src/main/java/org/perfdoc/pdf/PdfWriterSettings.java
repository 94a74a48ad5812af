package org.perfdoc.pdf;

import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Sets what flying-saucer leaves to OpenPDF's defaults, so that the same input gives the same bytes:
 * the file identifier comes from a hash of the content, the dates are absent (or SOURCE_DATE_EPOCH),
 * producer and creator name perfdoc, and the catalog says the text is Chinese. In archival mode the
 * file is PDF/A-2u: OpenPDF's conformance checks (fonts embedded, no transparency, no encryption), an
 * sRGB output intent with its ICC profile, and XMP metadata that repeats the Info dictionary.
 * flying-saucer 10.3 only passes the conformance flag on, so the rest is done here.
 */
final class PdfWriterSettings extends DefaultPDFCreationListener {
    static final String PDFA = "PDF/A-2u";
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String LANG = "zh-CN";
    private static final byte[] SRGB_PROFILE = resource("sRGB.icc");

    private final byte[] contentHash;
    private final String generator;
    private final Instant sourceDate;
    private final boolean pdfa;

    PdfWriterSettings(byte[] contentHash, String generator, Instant sourceDate, boolean pdfa) {
        this.contentHash = contentHash.clone();
        this.generator = generator;
        this.sourceDate = sourceDate;
        this.pdfa = pdfa;
    }

    @Override
    public void preOpen(ITextRenderer renderer) {
        if (pdfa) {
            // before Document.open(): OpenPDF then enforces the part's rules while writing
            renderer.getWriter().setPDFXConformance(PdfWriter.PDFA2U);
        }
    }

    @Override
    public void onClose(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        PdfDictionary info = writer.getInfo();
        info.put(PdfName.PRODUCER, new PdfString(generator));
        info.put(PdfName.CREATOR, new PdfString(generator));
        info.remove(PdfName.CREATIONDATE);
        info.remove(PdfName.MODDATE);
        if (sourceDate != null) {
            Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            c.setTimeInMillis(sourceDate.toEpochMilli());
            info.put(PdfName.CREATIONDATE, new PdfDate(c));
            info.put(PdfName.MODDATE, new PdfDate(c));
        }
        byte[] fileId = Arrays.copyOf(contentHash, 16);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(fileId, fileId));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANG));
        if (pdfa) {
            try {
                writer.setOutputIntents(SRGB, null, "http://www.color.org", SRGB, ICC_Profile.getInstance(SRGB_PROFILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.setXmpMetadata(Xmp.packet(info, contentHash, LANG, 2, "U").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfWriterSettings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing beside " + PdfWriterSettings.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
