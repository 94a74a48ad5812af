package org.perfdoc.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * flying-saucer's resource loader, confined: a template may reference what {@link PdfRenderer.Resources}
 * gives (the files inside the template folders) and nothing else: no network, no
 * {@code file:///etc/passwd}, no {@code ../../} out of the folders. A refused resource is simply absent
 * from the page.
 */
final class ConfinedUserAgent extends ITextUserAgent {
    private final PdfRenderer.Resources resources;

    ConfinedUserAgent(ITextOutputDevice outputDevice, int dotsPerPixel, PdfRenderer.Resources resources) {
        super(outputDevice, dotsPerPixel);
        this.resources = resources;
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        byte[] bytes = resources.read(uri).orElse(null);
        if (bytes == null) {
            throw new IOException("perfdoc does not load " + uri + ": only files inside the template folders");
        }
        return new ByteArrayInputStream(bytes);
    }
}
