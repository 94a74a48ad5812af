package org.perfdoc.model;

import java.math.BigDecimal;

/**
 * 本项目上年度市级财政资金使用情况 (Shanghai sheet), in 元. Any of them may be null when not given.
 *
 * @param total             项目总预算
 * @param current           项目当年预算
 * @param priorYearBudget   同名项目上年预算额
 * @param priorYearExecuted 同名项目上年预算执行数
 */
public record Budget(BigDecimal total, BigDecimal current, BigDecimal priorYearBudget, BigDecimal priorYearExecuted) {
}
