package org.perfdoc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code perfdoc}: budget performance target tables as PDF. */
@Command(name = "perfdoc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Turns budget performance target data (JSON or an Excel workbook) into the official Chinese"
                + " layouts: 项目支出绩效目标表 as publishable PDF and editable Word.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything was written", "1:an error not caused by the input (template, font, disk)",
                "2:at least one input file is invalid; nothing was written for it"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        if (args.length > 0 && List.of("render", "validate", "convert", "batch", "serve").contains(args[0])) {
            Perfdoc.preloadBundledFonts();
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("render", "validate", "template", "convert", "batch",
            "serve", "styles", "schema", "bench", "help");

    /**
     * A new instance of subcommand {@code name}. picocli reflects over every option of every
     * subcommand it is given (a quarter of a second at start), so a run of one subcommand builds only
     * that one; help and errors get them all. A switch, not a map of constructor references: a static
     * map of lambdas made the JDK 25.0.3 AOT cache writer crash.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "render" -> new RenderCommand();
            case "validate" -> new ValidateCommand();
            case "template" -> new TemplateCommand();
            case "convert" -> new ConvertCommand();
            case "batch" -> new BatchCommand();
            case "serve" -> new ServeCommand();
            case "styles" -> new StylesCommand();
            case "schema" -> new SchemaCommand();
            case "bench" -> new BenchCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.contains(first) && !first.equals("help")
                && Arrays.stream(args).noneMatch(a -> a.equals("--help") || a.equals("-h"));
        boolean version = first.equals("--version") || first.equals("-V");
        for (String name : version ? List.<String>of() : one ? List.of(first) : SUBCOMMANDS) {
            cl.addSubcommand(subcommand(name));
        }
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
