package org.perfdoc.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of one input file. Positions come from the reader's map of JSON paths to
 * line:column; a path with no entry of its own takes its nearest ancestor's position.
 */
public final class Problems {
    private final String file;
    private final Map<String, int[]> positions;
    private final List<Problem> list = new ArrayList<>();
    private final java.util.Set<String> misspelt = new java.util.HashSet<>();

    public Problems(String file, Map<String, int[]> positions) {
        this.file = file;
        this.positions = positions;
    }

    public String file() {
        return file;
    }

    public void error(String path, String message) {
        add(Problem.Severity.ERROR, path, message);
    }

    public void warning(String path, String message) {
        add(Problem.Severity.WARNING, path, message);
    }

    /** Records a problem whose position is already known (a syntax error). */
    public void errorAt(String path, int line, int column, String message) {
        list.add(new Problem(Problem.Severity.ERROR, file, path, line, column, message));
    }

    private void add(Problem.Severity severity, String path, String message) {
        int[] pos = positionOf(path);
        list.add(new Problem(severity, file, path, pos[0], pos[1], message));
    }

    private int[] positionOf(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
        }
        return new int[] {0, 0};
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Records that a misspelt field was reported as meaning {@code path}: "missing" would say it twice. */
    public void misspeltAs(String path) {
        misspelt.add(path);
    }

    /**
     * Reports a missing required field, unless a misspelt field was already taken for it or the field
     * was there but unreadable (that error is already reported).
     */
    public void missing(String path, String message) {
        if (!misspelt.contains(path) && list.stream().noneMatch(p -> p.isError() && p.path().equals(path))) {
            error(path, message);
        }
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(list);
    }
}
