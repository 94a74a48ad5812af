package org.perfdoc.cli;

import org.perfdoc.render.RenderOptions;
import picocli.CommandLine.Option;

/** How commands render, beyond the format (a picocli mixin). */
final class RenderFlags {
    @Option(names = "--pdfa", negatable = true,
            description = "Write archival PDF/A-2u (ISO 19005-2, GB/T 23286): an sRGB output intent, XMP metadata,"
                    + " every font embedded with text extractable. --no-pdfa writes plain PDF even where the"
                    + " style's default is PDF/A. Default: the style's (bundled styles: plain PDF).")
    Boolean pdfa;

    RenderOptions options() {
        return new RenderOptions(pdfa);
    }
}
