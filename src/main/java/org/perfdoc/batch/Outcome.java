package org.perfdoc.batch;

/**
 * What happened to one input in a run.
 *
 * @param entry  its manifest entry after the run
 * @param kind   rendered now, unchanged (skipped), invalid or failed
 * @param millis time spent on it in this run
 */
public record Outcome(Manifest.Entry entry, Kind kind, long millis) {
    public enum Kind { RENDERED, UNCHANGED, INVALID, FAILED }
}
