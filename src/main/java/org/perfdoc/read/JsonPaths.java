package org.perfdoc.read;

/** Turns Jackson's JSON Pointers into the {@code $.a[0].b} paths perfdoc's messages use. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String fromPointer(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return path.toString();
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (part.matches("\\d+")) {
                path.append('[').append(part).append(']');
            } else {
                path.replace(0, path.length(), JsonTree.child(path.toString(), part));
            }
        }
        return path.toString();
    }
}
