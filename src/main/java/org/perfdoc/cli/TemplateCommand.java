package org.perfdoc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the empty Excel workbook of a style for finance staff to fill in: the document's"
                + " fields, projects, indicators (with drop-down lists) and a sheet explaining each column."
                + " Render the filled workbook with: perfdoc render FILE.xlsx --format pdf,docx")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadOptions read;

    @Option(names = {"-s", "--style"}, required = true, paramLabel = "STYLE",
            description = "The layout: guangzhou, shanghai, … (perfdoc styles lists them).")
    String style;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "绩效目标表模板.xlsx",
            description = "The workbook to write (default: 绩效目标表模板.xlsx).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Perfdoc perfdoc = read.perfdoc();
        boolean known = perfdoc.styles().stream().anyMatch(s -> s.name().equals(style) && s.workbook() != null);
        if (!known) {
            return usage("没有这种版式的工作簿模板：" + style + "；可选："
                    + String.join("、", perfdoc.styles().stream().filter(s -> s.workbook() != null)
                    .map(s -> s.name()).toList()));
        }
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return usage("模板文件名应以 .xlsx 结尾：" + output);
        }
        RenderCommand.write(output, perfdoc.workbookTemplate(style));
        spec.commandLine().getOut().println(output);
        return ExitCodes.OK;
    }

    /** A wrong option value: said plainly, exit code 2 as for any usage error. */
    private int usage(String message) {
        spec.commandLine().getErr().println("perfdoc: " + message);
        return ExitCodes.INVALID_INPUT;
    }
}
