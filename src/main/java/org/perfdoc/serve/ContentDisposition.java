package org.perfdoc.serve;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded}
 * (RFC 6266 § 4.3 with the RFC 8187/5987 ext-value). The header value is pure ASCII, so no server or
 * proxy mangles it; browsers that know filename* (all current ones) use the Chinese name.
 */
public final class ContentDisposition {
    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        String name = sanitize(fileName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** No path, no control characters: a name, not a place. */
    static String sanitize(String fileName) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '_' : c));
        String s = b.toString().strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "document" : s;
    }

    /** Printable ASCII without quote, backslash and percent; runs of anything else become one '_'. */
    static String asciiFallback(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';';
            if (ok) {
                b.append(c);
            } else if (b.isEmpty() || b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        String s = b.toString();
        // a name that was all Chinese would become "_.pdf": give it a real one
        String stem = s.endsWith(ext) ? s.substring(0, s.length() - ext.length()) : s;
        if (stem.replace("_", "").isBlank()) {
            s = "document" + (ext.chars().allMatch(c -> c < 0x7f) ? ext : "");
        }
        return s;
    }

    /** RFC 8187 § 3.2.1 attr-char kept, every other UTF-8 byte as %XX (uppercase). */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
