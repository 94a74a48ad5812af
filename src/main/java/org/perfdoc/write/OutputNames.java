package org.perfdoc.write;

import org.perfdoc.render.Format;

/** The one rule for naming outputs: the input's name with the format's extension in place of its own. */
public final class OutputNames {
    private OutputNames() {
    }

    /**
     * {@code 2024/市司法局.json} → {@code 2024/市司法局.pdf}; a name without an extension (or one that is
     * only a leading dot, {@code .json}) keeps it and gains the format's.
     */
    public static String of(String input, Format format) {
        int slash = input.lastIndexOf('/');
        int dot = input.lastIndexOf('.');
        String stem = dot > slash + 1 ? input.substring(0, dot) : input;
        return stem + "." + format.extension();
    }
}
