package org.perfdoc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.perfdoc.Perfdoc;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;

/** Reads and validates one input file for a command, printing its problems to stderr. */
final class InputFiles {
    private InputFiles() {
    }

    /** The read result when the file has no errors (warnings are printed), else null. */
    static ReadResult readValid(Perfdoc perfdoc, Path file, PrintWriter err) {
        ReadResult read = perfdoc.read(file);
        List<Problem> problems = perfdoc.validate(read);
        problems.forEach(err::println);
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println(file + "：" + errors + " 个错误，未生成文件");
            return null;
        }
        return read;
    }
}
