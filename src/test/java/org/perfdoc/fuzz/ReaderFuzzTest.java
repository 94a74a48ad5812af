package org.perfdoc.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.perfdoc.Examples;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;

/**
 * Raw bytes → reader → validator. Whatever the bytes, reading never throws, a file that yields no
 * document has at least one error, and every problem names a path. In a normal test run the corpus
 * in src/test/resources (examples and every input that ever found a bug) is replayed; JAZZER_FUZZ=1
 * fuzzes for real.
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "60m")
    void readAndValidate(byte[] input) {
        ReadResult read = Examples.PERFDOC.read("fuzz.json", input);
        List<Problem> problems = Examples.PERFDOC.validate(read);
        if (read.document() == null) {
            assertTrue(problems.stream().anyMatch(Problem::isError), "no document and no error");
        }
        for (Problem p : problems) {
            assertTrue(p.path().startsWith("$"), p.toString());
            assertFalse(p.message().isBlank(), p.toString());
        }
    }
}
