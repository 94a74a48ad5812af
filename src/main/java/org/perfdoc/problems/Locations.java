package org.perfdoc.problems;

import java.util.Map;

/**
 * Where each field of a document stands in the file it was read from: a JSON path's line and column,
 * or a workbook cell. A path with no place of its own takes its nearest ancestor's.
 */
public final class Locations {
    /** A place in a file: line and column (0 when unknown), or a workbook cell (null for text files). */
    public record Where(int line, int column, String cell) {
        static final Where UNKNOWN = new Where(0, 0, null);
    }

    private final String file;
    private final Map<String, Where> places;

    /** Places of the fields of {@code file}, by JSON path. */
    public Locations(String file, Map<String, Where> places) {
        this.file = file;
        this.places = places;
    }

    /** A file of which nothing could be read. */
    public static Locations none(String file) {
        return new Locations(file, Map.of());
    }

    /** The input file as the user named it. */
    public String file() {
        return file;
    }

    /** The place of {@code path}, or of its nearest ancestor that has one. */
    public Where of(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Where w = places.get(p);
            if (w != null) {
                return w;
            }
        }
        return Where.UNKNOWN;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
