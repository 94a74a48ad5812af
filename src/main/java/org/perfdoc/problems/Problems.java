package org.perfdoc.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one input file, placing each by its path (see {@link Locations}). The
 * reader fills one; the validator adds to a {@link #fork() fork} of it, so reading's findings are
 * never changed and validating twice reports every problem once.
 */
public final class Problems {
    private final Locations locations;
    private final List<Problem> list;
    private final Set<String> misspelt = new HashSet<>();

    /** An empty collection for the file of {@code locations}. */
    public Problems(Locations locations) {
        this.locations = locations;
        this.list = new ArrayList<>();
    }

    private Problems(Problems from) {
        this.locations = from.locations;
        this.list = new ArrayList<>(from.list);
        this.misspelt.addAll(from.misspelt);
    }

    /** A new collection holding what this one holds; adding to either leaves the other as it was. */
    public Problems fork() {
        return new Problems(this);
    }

    /** Reports an error at {@code path}. */
    public void error(String path, String message) {
        add(Problem.Severity.ERROR, path, message);
    }

    /** Reports a warning at {@code path}. */
    public void warning(String path, String message) {
        add(Problem.Severity.WARNING, path, message);
    }

    /** Reports an error whose place in the file is already known (a syntax error). */
    public void errorAt(String path, int line, int column, String message) {
        list.add(new Problem(Problem.Severity.ERROR, locations.file(), path, line, column, null, message));
    }

    /** Reports an error at a workbook cell (or sheet) that holds no single field of the model. */
    public void errorInCell(String cell, String message) {
        list.add(new Problem(Problem.Severity.ERROR, locations.file(), "$", 0, 0, cell, message));
    }

    /** Reports a warning at a workbook cell (or sheet) that holds no single field of the model. */
    public void warningInCell(String cell, String message) {
        list.add(new Problem(Problem.Severity.WARNING, locations.file(), "$", 0, 0, cell, message));
    }

    private void add(Problem.Severity severity, String path, String message) {
        Locations.Where at = locations.of(path);
        list.add(new Problem(severity, locations.file(), path, at.line(), at.column(), at.cell(), message));
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

    /** True when some problem, error or warning, concerns exactly {@code path}. */
    public boolean has(String path) {
        return list.stream().anyMatch(p -> p.path().equals(path));
    }

    /** Every problem so far, in the order found. */
    public List<Problem> all() {
        return Collections.unmodifiableList(list);
    }
}
