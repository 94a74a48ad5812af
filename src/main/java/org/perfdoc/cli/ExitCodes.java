package org.perfdoc.cli;

/** The exit codes, chosen once: scripts and the batch rely on them. */
final class ExitCodes {
    static final int OK = 0;
    /** Anything that is not the input's fault: a template, a font, the disk. */
    static final int FAILURE = 1;
    /** At least one input file is invalid; its problems were printed. */
    static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
