package org.perfdoc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FontsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/** Reads a .docx's parts and validates them against the OOXML schemas (POI's full XMLBeans set). */
public final class OoxmlSchema {
    private OoxmlSchema() {
    }

    public static Map<String, byte[]> parts(byte[] docx) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** Schema errors of every WordprocessingML part; Word refuses what LibreOffice and POI let pass. */
    public static List<String> errors(byte[] docx) throws IOException, XmlException {
        Map<String, byte[]> parts = parts(docx);
        List<String> errors = new ArrayList<>();
        validate("word/document.xml", DocumentDocument.Factory.parse(text(parts, "word/document.xml")), errors);
        validate("word/styles.xml", StylesDocument.Factory.parse(text(parts, "word/styles.xml")), errors);
        validate("word/settings.xml", SettingsDocument.Factory.parse(text(parts, "word/settings.xml")), errors);
        validate("word/fontTable.xml", FontsDocument.Factory.parse(text(parts, "word/fontTable.xml")), errors);
        validate("word/footer1.xml", FtrDocument.Factory.parse(text(parts, "word/footer1.xml")), errors);
        return errors;
    }

    private static String text(Map<String, byte[]> parts, String name) throws IOException {
        byte[] b = parts.get(name);
        if (b == null) {
            throw new IOException("missing part " + name);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void validate(String part, XmlObject xml, List<String> errors) {
        List<XmlError> found = new ArrayList<>();
        xml.validate(new XmlOptions().setErrorListener(found));
        found.forEach(e -> errors.add(part + ": " + e));
    }
}
