package org.perfdoc.model;

/**
 * One performance indicator (绩效指标).
 *
 * @param level1      一级指标 / 一级目标, e.g. 产出指标
 * @param level2      二级指标 / 二级目标, e.g. 数量指标; may be null where the style allows it
 * @param name        三级指标: what is measured
 * @param periodValue 实施周期指标值, printed as given; null when absent
 * @param value       年度指标值 / 指标目标值, printed as given
 */
public record Indicator(String level1, String level2, String name, String periodValue, String value) {
}
