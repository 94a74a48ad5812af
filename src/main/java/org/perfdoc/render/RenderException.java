package org.perfdoc.render;

/** A document could not be rendered for a reason other than its input (a template or font fault). */
public final class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
