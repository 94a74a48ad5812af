package org.perfdoc.read;

/**
 * Bounds on one input file, so that no file can exhaust memory or time. Each refusal names the limit
 * and the command-line option that raises it.
 *
 * @param maxInputBytes       file size (default 20 MB; {@code --max-input-mb})
 * @param maxDepth            JSON nesting depth (default 64; the format itself needs 6)
 * @param maxProjects         projects in one document (default 2,000; {@code --max-projects})
 * @param maxIndicators       indicators of one project (default 500; {@code --max-indicators})
 * @param maxTextLength       characters in one text field (default 20,000; {@code --max-text})
 * @param maxNumberLength     digits in one JSON number (default 40)
 */
public record Limits(long maxInputBytes, int maxDepth, int maxProjects, int maxIndicators, int maxTextLength,
                     int maxNumberLength) {
    public static final Limits DEFAULT = new Limits(20L << 20, 64, 2_000, 500, 20_000, 40);

    /** These limits with another file size limit, in bytes. */
    public Limits withMaxInputBytes(long v) {
        return new Limits(v, maxDepth, maxProjects, maxIndicators, maxTextLength, maxNumberLength);
    }

    /** These limits with another project count limit. */
    public Limits withMaxProjects(int v) {
        return new Limits(maxInputBytes, maxDepth, v, maxIndicators, maxTextLength, maxNumberLength);
    }

    /** These limits with another limit on a project's indicators. */
    public Limits withMaxIndicators(int v) {
        return new Limits(maxInputBytes, maxDepth, maxProjects, v, maxTextLength, maxNumberLength);
    }

    /** These limits with another text field length limit, in characters. */
    public Limits withMaxTextLength(int v) {
        return new Limits(maxInputBytes, maxDepth, maxProjects, maxIndicators, v, maxNumberLength);
    }
}
