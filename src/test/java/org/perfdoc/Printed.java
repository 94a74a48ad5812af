package org.perfdoc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.perfdoc.model.Indicator;

/** How the published documents print values, written from the issues, not from the templates. */
public final class Printed {
    private Printed() {
    }

    /** An amount cell: half-up to two places with separators, nothing for zero. */
    public static String money(BigDecimal v) {
        if (v.signum() == 0) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(",##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A whole-yuan amount with separators: 10,144,000. */
    public static String yuan(BigDecimal v) {
        return String.format("%,d", v.longValueExact());
    }

    /** A Guangzhou indicator line in {@code format} ("coded", the default when null, or "plain"). */
    public static String line(int n, Indicator i, String format) {
        String line;
        if ("plain".equals(format)) {
            line = n + "、" + i.level1() + "：" + i.name() + "，"
                    + (i.periodValue() == null ? "" : "实施周期指标值：" + i.periodValue() + "，")
                    + "年度指标值：" + i.value();
        } else {
            line = n + "、" + code1(i) + "-" + i.level1() + "；" + code2(i) + "-" + i.level2() + "；" + i.name() + "；"
                    + (i.periodValue() == null ? "" : "实施周期指标值:" + i.periodValue() + "；")
                    + "年度指标值:" + i.value();
        }
        return closed(line, i);
    }

    /** A Guangzhou indicator as the dashed format prints it (run on, full-width colons). */
    public static String dashed(int n, Indicator i) {
        return closed(n + "-" + code1(i) + "-" + i.level1() + "：" + code2(i) + "-" + i.level2() + "：" + i.name() + "；"
                + (i.periodValue() == null ? "" : "实施周期指标值：" + i.periodValue() + "；")
                + "年度指标值：" + i.value(), i);
    }

    private static String closed(String line, Indicator i) {
        return i.value().endsWith("。") || i.value().endsWith("。）") ? line : line + "。";
    }

    private static String code1(Indicator i) {
        return switch (i.level1()) {
            case "产出指标" -> "1";
            case "效益指标" -> "2";
            case "满意度指标" -> "3";
            default -> "4";
        };
    }

    private static String code2(Indicator i) {
        return switch (i.level2()) {
            case "数量指标" -> "11";
            case "质量指标" -> "12";
            case "时效指标" -> "13";
            case "成本指标" -> "14";
            case "经济效益" -> "21";
            case "社会效益" -> "22";
            case "生态效益" -> "23";
            case "可持续影响" -> "24";
            case "服务对象满意度" -> "31";
            case "经济成本指标" -> "41";
            default -> throw new AssertionError("extend the test's codes for " + i.level2());
        };
    }
}
