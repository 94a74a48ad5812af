package org.perfdoc.template;

/**
 * A document could not be rendered for a reason other than its input: a template that fails or makes
 * invalid markup, a missing template file. The message says which template and what went wrong.
 */
public final class RenderException extends RuntimeException {
    /** A failure of the named template, with its cause. */
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
