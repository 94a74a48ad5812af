package org.perfdoc;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.perfdoc.cli.Main;

/** Runs the command line in-process and captures what it prints. */
public final class Cli {
    /** Exit code and the two streams. */
    public record Run(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
