package org.perfdoc.style;

/**
 * One way a style prints indicators, declared in its {@code style.json} under {@code indicatorFormats}.
 * A document picks one by name ({@code indicatorFormat}); the validator holds it to what it needs and
 * the templates call the FreeMarker function it names.
 *
 * @param name        what documents write, e.g. {@code coded}
 * @param description one line for people: an example of what it prints
 * @param line        function (in the style's templates) that writes one indicator line, or null
 * @param cell        function that writes a project's whole indicator cell, or null; a format with
 *                    neither is printed by the template itself (the Shanghai grid)
 * @param level2      whether indicators need a second level (二级) name
 * @param periodValue whether indicators may have a period value (实施周期指标值): unused means the
 *                    format does not print one, so giving one is refused rather than lost
 */
public record IndicatorFormat(String name, String description, String line, String cell, Need level2,
                              Need periodValue) {
    /** How a format treats an optional part of an indicator. */
    public enum Need {
        REQUIRED, OPTIONAL, UNUSED
    }

    public IndicatorFormat {
        level2 = level2 == null ? Need.OPTIONAL : level2;
        periodValue = periodValue == null ? Need.OPTIONAL : periodValue;
    }
}
