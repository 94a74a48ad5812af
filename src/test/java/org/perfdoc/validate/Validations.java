package org.perfdoc.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.perfdoc.Examples;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;

/** What the validation tests do to a text: read it as a file named in.json and validate it. */
final class Validations {
    private Validations() {
    }

    /** Every problem of {@code json}, reading's and validation's. */
    static List<Problem> problems(String json) {
        ReadResult read = Examples.PERFDOC.read("in.json", json.getBytes(StandardCharsets.UTF_8));
        return Examples.PERFDOC.validate(read);
    }

    /** The one problem of a list that must hold exactly one. */
    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
