package org.perfdoc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code perfdoc}: budget performance target tables as PDF. */
@Command(name = "perfdoc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Turns budget performance target data (JSON or an Excel workbook) into the official Chinese"
                + " layouts: 项目支出绩效目标表 as publishable PDF and editable Word.",
        subcommands = {RenderCommand.class, ValidateCommand.class, TemplateCommand.class, ConvertCommand.class,
                BatchCommand.class, ServeCommand.class, StylesCommand.class,
                SchemaCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything was written", "1:an error not caused by the input (template, font, disk)",
                "2:at least one input file is invalid; nothing was written for it"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommands().stream()
                    .anyMatch(s -> s.hasMatchedOption("--verbose"));
            commandLine.getErr().println("perfdoc: " + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("（加 --verbose 查看详细信息）");
            }
            return ExitCodes.FAILURE;
        });
        cl.setExitCodeExceptionMapper(ex -> ExitCodes.FAILURE);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Perfdoc.generator(), "Java " + System.getProperty("java.version")};
        }
    }
}
