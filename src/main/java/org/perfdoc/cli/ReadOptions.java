package org.perfdoc.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.perfdoc.Perfdoc;
import org.perfdoc.read.Limits;
import picocli.CommandLine.Option;

/** How commands read input files: templates, encoding and limits (a picocli mixin). */
final class ReadOptions {
    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder whose templates (and indicator lists) override the bundled ones file by file.")
    Path templates;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of the input files when not UTF-8, e.g. GB18030 (GBK files from Chinese Windows).")
    Charset encoding;

    @Option(names = "--max-input-mb", paramLabel = "MB", description = "Largest input file (default: 20 MB).")
    Long maxInputMb;

    @Option(names = "--max-projects", paramLabel = "N", description = "Most projects in one document (default: 2000).")
    Integer maxProjects;

    @Option(names = "--max-indicators", paramLabel = "N", description = "Most indicators of one project (default: 500).")
    Integer maxIndicators;

    @Option(names = "--max-text", paramLabel = "CHARS", description = "Longest text field (default: 20000 characters).")
    Integer maxText;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    Perfdoc perfdoc() {
        Limits limits = Limits.DEFAULT;
        if (maxInputMb != null) {
            limits = limits.withMaxInputBytes(maxInputMb << 20);
        }
        if (maxProjects != null) {
            limits = limits.withMaxProjects(maxProjects);
        }
        if (maxIndicators != null) {
            limits = limits.withMaxIndicators(maxIndicators);
        }
        if (maxText != null) {
            limits = limits.withMaxTextLength(maxText);
        }
        return Perfdoc.create(new Perfdoc.Settings(templates, limits, encoding));
    }
}
