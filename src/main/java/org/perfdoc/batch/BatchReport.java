package org.perfdoc.batch;

import java.util.List;

/**
 * The outcome of a batch run.
 *
 * @param outcomes one per input, in input order
 * @param removed  outputs deleted because their input disappeared
 * @param errors   failures of the run itself (manifest or index page not written)
 * @param millis   wall time of the run
 */
public record BatchReport(List<Outcome> outcomes, List<String> removed, List<String> errors, long millis) {
    /** How many inputs ended as {@code kind}. */
    public long count(Outcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    /** 0 all written or up to date; 2 some inputs invalid; 1 something else failed. */
    public int exitCode() {
        if (count(Outcome.Kind.FAILED) > 0 || !errors.isEmpty()) {
            return 1;
        }
        return count(Outcome.Kind.INVALID) > 0 ? 2 : 0;
    }
}
