package org.perfdoc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check input files without writing anything: every problem of every file, with its"
                + " JSON path and line:column.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input JSON files.")
    List<Path> files;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() {
        Perfdoc perfdoc = read.perfdoc();
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
