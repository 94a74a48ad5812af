package org.perfdoc.render;

import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Sets what flying-saucer leaves to OpenPDF's defaults, so that the same input gives the same bytes:
 * the file identifier comes from a hash of the content, the dates are absent (or SOURCE_DATE_EPOCH),
 * producer and creator name perfdoc, and the catalog says the text is Chinese.
 */
final class PdfWriterSettings extends DefaultPDFCreationListener {
    private final byte[] fileId;
    private final String generator;
    private final Long sourceDateEpoch;

    PdfWriterSettings(byte[] fileId, String generator, Long sourceDateEpoch) {
        this.fileId = fileId;
        this.generator = generator;
        this.sourceDateEpoch = sourceDateEpoch;
    }

    @Override
    public void onClose(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        PdfDictionary info = writer.getInfo();
        info.put(PdfName.PRODUCER, new PdfString(generator));
        info.put(PdfName.CREATOR, new PdfString(generator));
        info.remove(PdfName.CREATIONDATE);
        info.remove(PdfName.MODDATE);
        if (sourceDateEpoch != null) {
            Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            c.setTimeInMillis(sourceDateEpoch * 1000);
            info.put(PdfName.CREATIONDATE, new PdfDate(c));
            info.put(PdfName.MODDATE, new PdfDate(c));
        }
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(fileId, fileId));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
    }
}
