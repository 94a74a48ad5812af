package org.perfdoc.cli;

import java.nio.file.Path;
import java.util.List;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads input files shares (a picocli mixin). */
final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input JSON files.")
    List<Path> files;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder whose templates (and indicator lists) override the bundled ones file by file.")
    Path templates;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    Perfdoc perfdoc() {
        return templates == null ? Perfdoc.create() : Perfdoc.withTemplates(templates);
    }
}
