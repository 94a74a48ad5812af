package org.perfdoc.model;

/** How the Guangzhou table writes an indicator line. */
public enum IndicatorFormat {
    /** {@code 1、1-产出指标；11-数量指标；外包人员数量；实施周期指标值:45；年度指标值:15。} */
    CODED,
    /** {@code 1、产出指标：外包人员数量，年度指标值：15。} */
    PLAIN;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
