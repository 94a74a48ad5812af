package org.perfdoc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;

/** Workbooks for tests: the examples as perfdoc writes them, rows typed as people type them, edited zips. */
public final class Workbooks {
    private Workbooks() {
    }

    /** The example {@code json} as the workbook {@code perfdoc convert} writes. */
    public static byte[] of(Path json) {
        ReadResult read = Examples.read(json);
        return Examples.PERFDOC.render(read.document(), Format.XLSX).bytes();
    }

    /** The bytes of {@code wb}, closed. */
    public static byte[] bytes(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} opened with POI. */
    public static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills row {@code r} of {@code s} from column A: strings, numbers, booleans, dates; null leaves a cell empty. */
    public static Row row(Sheet s, int r, Object... values) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof String t) {
                cell.setCellValue(t);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else {
                throw new IllegalArgumentException(String.valueOf(v));
            }
        }
        return row;
    }

    /**
     * Whether two documents hold the same values, amounts compared as numbers (a workbook does not keep
     * how many decimals a JSON file wrote: 462 and 462.00 are the same amount and print the same).
     */
    public static boolean sameValues(org.perfdoc.model.TargetDocument a, org.perfdoc.model.TargetDocument b) {
        com.fasterxml.jackson.databind.JsonNode x = org.perfdoc.render.JsonDocument.tree(a);
        com.fasterxml.jackson.databind.JsonNode y = org.perfdoc.render.JsonDocument.tree(b);
        return x.equals((m, n) -> m.isNumber() && n.isNumber()
                ? m.decimalValue().compareTo(n.decimalValue()) : m.equals(n) ? 0 : 1, y);
    }

    /** The problems perfdoc reports for the workbook {@code bytes} named {@code name}. */
    public static List<Problem> problems(String name, byte[] bytes) {
        return Examples.PERFDOC.validate(Examples.PERFDOC.read(name, bytes));
    }

    /** The problems as the command line prints them, one per line. */
    public static String printed(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        problems.forEach(p -> s.append(p).append('\n'));
        return s.toString();
    }

    /**
     * A copy of the zip {@code bytes} whose text parts are edited ({@code edits} by name; returning null
     * drops the part) and with the parts of {@code add} appended.
     */
    public static byte[] rewrite(byte[] bytes, Map<String, UnaryOperator<String>> edits, Map<String, byte[]> add) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes));
             ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (edits.containsKey(e.getName())) {
                    String s = edits.get(e.getName()).apply(new String(data, StandardCharsets.UTF_8));
                    if (s == null) {
                        continue;
                    }
                    data = s.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> a : add.entrySet()) {
                out.putNextEntry(new ZipEntry(a.getKey()));
                out.write(a.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result.toByteArray();
    }
}
