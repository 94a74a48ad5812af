package org.perfdoc.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/** What finance staff type, turned into the document's values: numbers, dates, yes/no and text. */
final class CellValues {

    private CellValues() {
    }

    /** A cell that does not hold what its column needs; the message names what was found. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** A converted value, with a warning when something was guessed. */
    record Converted(Object value, String warning) {
    }

    /** Excel shows (and keeps when a value is typed) 15 significant digits. */
    static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    /** DataFormatter caches formats in plain maps: one per thread. */
    private static final ThreadLocal<DataFormatter> FORMATTER =
            ThreadLocal.withInitial(() -> new DataFormatter(Locale.ROOT));

    /** Leading/trailing white space including U+3000, NBSP, zero-width space and BOM; CR LF → LF. */
    static String cleanText(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        int a = 0, b = t.length();
        while (a < b && blank(t.charAt(a))) {
            a++;
        }
        while (b > a && blank(t.charAt(b - 1))) {
            b--;
        }
        return t.substring(a, b);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF'
                || c == '\u2007' || c == '\u202F';
    }

    /** The cell as text: a number is written as it shows (General: its digits; "0%": 100%). */
    static Converted text(SheetGrid.Cell c) throws Bad {
        return switch (c.kind()) {
            case STRING -> new Converted(cleanText(c.text()), null);
            case NUMBER -> {
                if (c.formatIdx() == 0 || "General".equalsIgnoreCase(c.format()) || "@".equals(c.format())) {
                    yield new Converted(plain(excelDecimal(c.number())), null);
                }
                yield new Converted(cleanText(FORMATTER.get().formatRawCellContents(c.number(), c.formatIdx(), c.format())), null);
            }
            case BOOLEAN -> new Converted(c.bool() ? "TRUE" : "FALSE", null);
            case DATE_ISO -> new Converted(c.text(), null);
            case ERROR -> throw new Bad("单元格是错误值 " + c.text());
        };
    }


    /** The double Excel stored, as the decimal it shows: 572.9 (not 572.899999…), 0.1+0.2 → 0.3. */
    static BigDecimal excelDecimal(double d) {
        return BigDecimal.valueOf(d).round(EXCEL_DIGITS);
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** Trailing zeros dropped, then at least {@code minScale} places: 572.9 → 572.90, 1.0144E7 → 10144000. */
    static BigDecimal scaled(BigDecimal d, int minScale) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < minScale ? s.setScale(minScale) : s;
    }

    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern DASH = Pattern.compile("[-—–―/\\\\]|——");

    /** An amount: a number cell, or text such as "1,234.56", "１２３", " 572.9 ". "-" or "—" is empty. */
    static Converted amount(SheetGrid.Cell c, int minScale) throws Bad {
        switch (c.kind()) {
            case NUMBER -> {
                BigDecimal d = excelDecimal(c.number());
                return new Converted(scaled(d, minScale), c.isDate() ? "单元格是日期格式，已按数字 " + plain(d) + " 读入" : null);
            }
            case STRING -> {
                String s = halfWidth(c.text());
                if (s.isEmpty()) {
                    return new Converted(null, null);
                }
                if (DASH.matcher(s).matches()) {
                    return new Converted(null, "“" + s + "” 按空（0）读入");
                }
                // "1,234.56" (grouping by three), "１２３" (NFKC), " 572.9 " (trimmed); not "12 34"
                if (s.matches(".*\\d.*") && NUMBER.matcher(s).matches()) {
                    try {
                        return new Converted(scaled(new BigDecimal(s.replace(",", "")), minScale), null);
                    } catch (NumberFormatException e) {
                        // falls through
                    }
                }
                String hint = s.matches(".*(万元|元|¥).*") ? "（单位写在“基本信息”的金额单位里，这里只填数字）"
                        : s.matches(".*\\d,\\d.*") ? "（千位分隔符应每三位一个）" : "";
                throw new Bad("不是数字：\"" + c.text() + "\"" + hint);
            }
            case BOOLEAN -> throw new Bad("应为数字，单元格是逻辑值 " + (c.bool() ? "TRUE" : "FALSE"));
            case DATE_ISO -> throw new Bad("应为数字，单元格是日期 " + c.text());
            default -> throw new Bad("单元格是错误值 " + c.text());
        }
    }

    /** Full-width digits and punctuation to ASCII (NFKC), the minus sign U+2212, outer blanks removed. */
    static String halfWidth(String s) {
        return cleanText(Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u2212', '-').replace('，', ','));
    }

    static Converted integer(SheetGrid.Cell c) throws Bad {
        BigDecimal d;
        if (c.kind() == SheetGrid.Kind.NUMBER) {
            d = excelDecimal(c.number());
        } else if (c.kind() == SheetGrid.Kind.STRING) {
            String s = halfWidth(c.text()).replaceFirst("年(度)?$", "");
            try {
                d = new BigDecimal(s.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new Bad("不是整数：\"" + c.text() + "\"");
            }
        } else {
            throw new Bad("应为整数");
        }
        try {
            return new Converted(d.stripTrailingZeros().longValueExact(), null);
        } catch (ArithmeticException e) {
            throw new Bad("不是整数：" + plain(d));
        }
    }

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /**
     * A date: a date-formatted number, a bare serial number (43831 → 2020-01-01, with a warning),
     * 20200101, or text 2020-01-01, 2020/1/1, 2020.1.1, 2020年1月1日 (full-width digits too).
     */
    static Converted date(SheetGrid.Cell c, boolean date1904) throws Bad {
        switch (c.kind()) {
            case NUMBER -> {
                double d = c.number();
                if (!c.isDate() && d >= 19000101 && d <= 29991231 && d == Math.rint(d)) {
                    return new Converted(compact(Long.toString((long) d), c), "数字 " + (long) d + " 按日期读入");
                }
                if (d < 1 || d >= 2958466) {
                    throw new Bad("不是日期：" + plain(excelDecimal(d)));
                }
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                String warning = c.isDate() ? null : "数字 " + plain(excelDecimal(d)) + " 按 Excel 日期序号读作 " + t.toLocalDate();
                if (t.toLocalTime().toSecondOfDay() != 0) {
                    warning = "时间部分 " + t.toLocalTime() + " 已忽略";
                }
                return new Converted(t.toLocalDate(), warning);
            }
            case DATE_ISO -> {
                return new Converted(LocalDate.parse(c.text().substring(0, 10)), null);
            }
            case STRING -> {
                String s = halfWidth(c.text());
                Matcher m = YMD.matcher(s);
                if (m.matches()) {
                    try {
                        return new Converted(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3))), null);
                    } catch (DateTimeException e) {
                        throw new Bad("日期不存在：\"" + c.text() + "\"");
                    }
                }
                if (COMPACT.matcher(s).matches()) {
                    return new Converted(compact(s, c), null);
                }
                throw new Bad("不是日期：\"" + c.text() + "\"；请写成 2020-01-01");
            }
            default -> throw new Bad("应为日期");
        }
    }

    private static LocalDate compact(String s, SheetGrid.Cell c) throws Bad {
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new Bad("日期不存在：" + s);
        }
    }


    static Converted bool(SheetGrid.Cell c, String yes, String no) throws Bad {
        if (c.kind() == SheetGrid.Kind.BOOLEAN) {
            return new Converted(c.bool(), null);
        }
        if (c.kind() == SheetGrid.Kind.STRING) {
            String s = halfWidth(c.text());
            if (s.equals(yes) || s.equalsIgnoreCase("true")) {
                return new Converted(true, null);
            }
            if (s.equals(no) || s.equalsIgnoreCase("false")) {
                return new Converted(false, null);
            }
        }
        throw new Bad("应为 " + yes + " 或 " + no + "，而不是 " + describe(c));
    }

    static String describe(SheetGrid.Cell c) {
        return switch (c.kind()) {
            case STRING -> "\"" + c.text() + "\"";
            case NUMBER -> plain(excelDecimal(c.number()));
            case BOOLEAN -> c.bool() ? "TRUE" : "FALSE";
            default -> c.text();
        };
    }

    /** Header text compared loosely: NFKC (（）→()), no white space, no leading * (required mark). */
    static String headerKey(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000\\u00A0]+", "");
        return t.replaceFirst("^[*＊]+", "").replaceFirst("[*＊]+$", "");
    }

    /** "财政拨款(万元)" → "财政拨款": a trailing parenthesised unit or note. */
    static String withoutParenthesis(String key) {
        return key.replaceFirst("\\([^()]*\\)$", "");
    }
}
