package org.perfdoc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.perfdoc.style.IndicatorFormat;
import org.perfdoc.style.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "styles", mixinStandardHelpOptions = true,
        description = "List the styles (the \"style\" of an input file) with their indicator formats"
                + " (its \"indicatorFormat\"), from the bundled templates and --templates.")
final class StylesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadOptions read;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Style style : read.perfdoc().styles()) {
            out.println(style.name() + "  " + style.description());
            String byDefault = style.defaults().get("indicatorFormat");
            for (IndicatorFormat f : style.indicatorFormats().values()) {
                out.println("  indicatorFormat \"" + f.name() + "\"" + (f.name().equals(byDefault) ? "（默认）" : "")
                        + "  " + f.description());
            }
        }
        return ExitCodes.OK;
    }
}
