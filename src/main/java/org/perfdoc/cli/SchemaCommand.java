package org.perfdoc.cli;

import org.perfdoc.Perfdoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the input format, for editors that validate and complete"
                + " input files (perfdoc schema > perfdoc.schema.json).")
final class SchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(Perfdoc.schema());
        spec.commandLine().getOut().flush();
    }
}
