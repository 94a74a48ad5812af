package org.perfdoc.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The money of one project, in the document's amount unit, exactly as given (never rounded here).
 *
 * @param fiscal         财政拨款
 * @param specialAccount 财政专户拨款
 * @param other          其他资金
 * @param declaredTotal  总计 as written in the input, or null when the input left it out
 */
public record Amounts(BigDecimal fiscal, BigDecimal specialAccount, BigDecimal other, BigDecimal declaredTotal) {

    public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

    public Amounts {
        fiscal = Objects.requireNonNullElse(fiscal, BigDecimal.ZERO);
        specialAccount = Objects.requireNonNullElse(specialAccount, BigDecimal.ZERO);
        other = Objects.requireNonNullElse(other, BigDecimal.ZERO);
    }

    /** 总计: the sum of the three sources (validation guarantees a declared total equals it). */
    public BigDecimal total() {
        return fiscal.add(specialAccount).add(other);
    }

    /** Column-wise sum, unrounded, with no declared total. */
    public Amounts plus(Amounts o) {
        return new Amounts(fiscal.add(o.fiscal), specialAccount.add(o.specialAccount), other.add(o.other), null);
    }
}
