package org.perfdoc.pdf;

import java.util.List;
import java.util.Optional;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/** XHTML as flying-saucer reads it, with perfdoc's small user-agent stylesheet in place of its own. */
final class TemplateNamespaceHandler extends XhtmlNamespaceHandler {
    private final StylesheetInfo userAgent;

    TemplateNamespaceHandler(String userAgentCssUri) {
        this.userAgent = new StylesheetInfo(StylesheetInfo.Origin.USER_AGENT, userAgentCssUri, List.of("all"), null);
    }

    @Override
    public Optional<StylesheetInfo> getDefaultStylesheet() {
        return Optional.of(userAgent);
    }
}
