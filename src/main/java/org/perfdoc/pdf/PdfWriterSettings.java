package org.perfdoc.pdf;

import java.time.Instant;
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
 * producer and creator name perfdoc, and the catalog says the text is Chinese.
 */
final class PdfWriterSettings extends DefaultPDFCreationListener {
    private final byte[] fileId;
    private final String generator;
    private final Instant sourceDate;

    PdfWriterSettings(byte[] fileId, String generator, Instant sourceDate) {
        this.fileId = fileId;
        this.generator = generator;
        this.sourceDate = sourceDate;
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
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(fileId, fileId));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
    }
}
