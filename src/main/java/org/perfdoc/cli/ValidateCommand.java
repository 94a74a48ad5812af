package org.perfdoc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check input files without writing anything: every problem of every file, with its"
                + " JSON path and line:column.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        Perfdoc perfdoc = input.perfdoc();
        int exit = ExitCodes.OK;
        for (Path file : input.files) {
            if (InputFiles.readValid(perfdoc, file, spec.commandLine().getErr()) == null) {
                exit = ExitCodes.INVALID_INPUT;
            } else {
                spec.commandLine().getOut().println(file + "：通过");
            }
        }
        return exit;
    }
}
