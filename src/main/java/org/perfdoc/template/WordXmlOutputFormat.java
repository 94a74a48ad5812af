package org.perfdoc.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.utility.StringUtil;
import java.io.IOException;
import java.io.Writer;
import org.perfdoc.helper.XmlCharacters;

/**
 * FreeMarker output format for WordprocessingML: escapes markup like the XML format and also drops
 * characters XML 1.0 forbids (FreeMarker's XML format passes U+0001 through, and Word and LibreOffice
 * then refuse the whole file). Validation refuses such input first; this is the second guard.
 */
final class WordXmlOutputFormat extends CommonMarkupOutputFormat<WordXmlOutputFormat.Model> {
    static final WordXmlOutputFormat INSTANCE = new WordXmlOutputFormat();

    private WordXmlOutputFormat() {
    }

    @Override
    public String getName() {
        return "WordprocessingML";
    }

    @Override
    public String getMimeType() {
        return "application/xml";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return StringUtil.XMLEnc(XmlCharacters.withoutIllegal(plainTextContent));
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return builtInName.equals("xml");
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public WordXmlOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
