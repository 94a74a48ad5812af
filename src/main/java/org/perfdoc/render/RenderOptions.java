package org.perfdoc.render;

/**
 * How to render, beyond the format.
 *
 * @param pdfa whether a PDF is archival PDF/A-2u; null for the style's default ({@code "pdfa"} in its
 *             style.json, else no)
 */
public record RenderOptions(Boolean pdfa) {
    /** The style's defaults. */
    public static final RenderOptions DEFAULT = new RenderOptions(null);
}
