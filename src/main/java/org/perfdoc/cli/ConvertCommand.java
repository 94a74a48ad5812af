package org.perfdoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a document between its two forms: JSON → Excel workbook (to hand back for next"
                + " year's edit) or workbook → JSON (for a budget system). The form is taken from OUT's"
                + " extension. Nothing is lost: the result renders to the same PDF. An invalid input is"
                + " reported and nothing is written.")
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "A .json file or an .xlsx workbook.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The file to write: .xlsx or .json.")
    Path output;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format = name.endsWith(".xlsx") ? Format.XLSX : name.endsWith(".json") ? Format.JSON : null;
        if (format == null) {
            return usage("输出文件应以 .xlsx 或 .json 结尾：" + output);
        }
        if (Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input)) {
            return usage("输出文件 " + output + " 就是输入文件，拒绝覆盖");
        }
        Perfdoc perfdoc = read.perfdoc();
        ReadResult read = InputFiles.readValid(perfdoc, input, spec.commandLine().getErr());
        if (read == null) {
            return ExitCodes.INVALID_INPUT;
        }
        RenderCommand.write(output, perfdoc.render(read.document(), format).bytes());
        spec.commandLine().getOut().println(output);
        return ExitCodes.OK;
    }

    /** A wrong option value: said plainly, exit code 2 as for any usage error. */
    private int usage(String message) {
        spec.commandLine().getErr().println("perfdoc: " + message);
        return ExitCodes.INVALID_INPUT;
    }
}
