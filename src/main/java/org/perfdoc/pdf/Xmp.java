package org.perfdoc.pdf;

import java.util.HexFormat;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.perfdoc.helper.XmlCharacters;

/**
 * The XMP metadata packet of a PDF/A file, written from its final Info dictionary so the two agree
 * (title, author, subject, keywords, producer, creator tool, dates), with the PDF/A identification
 * and document and instance IDs taken from the content hash: no clock time, no random UUID.
 */
final class Xmp {
    private Xmp() {
    }

    /** The packet for a file whose Info is {@code info}, in language {@code lang}, of PDF/A-{@code part}{@code conformance}. */
    static String packet(PdfDictionary info, byte[] contentHash, String lang, int part, String conformance) {
        String hex = HexFormat.of().formatHex(contentHash);
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\"\n")
                .append("  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n")
                .append("  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
                .append("  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n")
                .append("  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        x.append("<dc:format>application/pdf</dc:format>\n");
        String title = text(info, PdfName.TITLE);
        if (title != null) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(title))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        String author = text(info, PdfName.AUTHOR);
        if (author != null) { // Info /Author is the one entry of dc:creator, an ordered array
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(escape(author)).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        String subject = text(info, PdfName.SUBJECT);
        if (subject != null) { // Info /Subject is dc:description x-default
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(subject))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        x.append("<dc:language><rdf:Bag><rdf:li>").append(escape(lang)).append("</rdf:li></rdf:Bag></dc:language>\n");
        element(x, "pdf:Keywords", text(info, PdfName.KEYWORDS));
        element(x, "pdf:Producer", text(info, PdfName.PRODUCER));
        element(x, "xmp:CreatorTool", text(info, PdfName.CREATOR));
        if (info.get(PdfName.CREATIONDATE) instanceof PdfDate d) {
            element(x, "xmp:CreateDate", d.getW3CDate());
        }
        if (info.get(PdfName.MODDATE) instanceof PdfDate d) {
            element(x, "xmp:ModifyDate", d.getW3CDate());
            element(x, "xmp:MetadataDate", d.getW3CDate());
        }
        element(x, "xmpMM:DocumentID", "uuid:" + uuid(hex, 0));
        element(x, "xmpMM:InstanceID", "uuid:" + uuid(hex, 32));
        element(x, "pdfaid:part", String.valueOf(part));
        element(x, "pdfaid:conformance", conformance);
        x.append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return x.toString();
    }

    private static void element(StringBuilder x, String name, String value) {
        if (value != null) {
            x.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static String text(PdfDictionary info, PdfName key) {
        PdfString s = info.getAsString(key);
        return s == null ? null : s.toUnicodeString();
    }

    /** 32 hex digits of the hash shaped as a version-4 UUID (RFC 4122 variant bits set). */
    private static String uuid(String hex, int from) {
        char[] h = hex.substring(from, from + 32).toCharArray();
        h[12] = '4';
        h[16] = "89ab".charAt(Character.digit(h[16], 16) & 3);
        String s = new String(h);
        return s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                + "-" + s.substring(20);
    }

    /** XML text: markup escaped, characters XML cannot hold dropped (validation refuses them anyway). */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (XmlCharacters.legal(cp)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
