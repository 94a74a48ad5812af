package org.perfdoc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check input files without writing anything: every problem of every file, with its"
                + " JSON path and line:column.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input JSON files.")
    List<Path> files;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder whose templates (and indicator lists) override the bundled ones.")
    Path templates;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Perfdoc perfdoc = templates == null ? Perfdoc.create() : Perfdoc.withTemplates(templates);
        int exit = ExitCodes.OK;
        for (Path file : files) {
            if (InputFiles.readValid(perfdoc, file, spec.commandLine().getErr()) == null) {
                exit = ExitCodes.INVALID_INPUT;
            } else {
                spec.commandLine().getOut().println(file + "：通过");
            }
        }
        return exit;
    }
}
