package org.perfdoc.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.perfdoc.Examples;
import org.perfdoc.Workbooks;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;

/**
 * Bytes → workbook reader → validator. Blind bytes rarely make a zip, so most inputs replace or
 * splice one part (a sheet, the shared strings, the styles, the workbook) of a real workbook: the
 * court example as perfdoc writes it, or a small one as people save them (merged cells, formulas
 * without results, text numbers). Whatever comes, reading never throws, no document means an error,
 * every problem says where; a valid document reads back the same from its JSON form.
 */
class WorkbookFuzzTest {
    private static final List<Map<String, byte[]>> BASES = List.of(parts(Workbooks.of(Examples.COURT)),
            parts(org.perfdoc.read.MessyWorkbooksAccess.guangzhou()));

    @FuzzTest(maxDuration = "60m")
    void readWorkbook(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 3);
        byte[] input;
        if (mode == 0) {
            input = data.consumeRemainingAsBytes();
        } else {
            Map<String, byte[]> base = BASES.get(data.consumeInt(0, BASES.size() - 1));
            List<String> names = new ArrayList<>(base.keySet());
            String part = names.get(data.consumeInt(0, names.size() - 1));
            byte[] original = base.get(part);
            byte[] fuzz = data.consumeRemainingAsBytes();
            byte[] replaced;
            if (mode == 1) {
                replaced = fuzz;
            } else {
                // splice the fuzz into the part: most of the XML stays well-formed around it
                int at = Math.floorMod(fuzz.length == 0 ? 0 : fuzz[0] * 7919, original.length + 1);
                replaced = new byte[original.length + fuzz.length];
                System.arraycopy(original, 0, replaced, 0, at);
                System.arraycopy(fuzz, 0, replaced, at, fuzz.length);
                System.arraycopy(original, at, replaced, at + fuzz.length, original.length - at);
            }
            Map<String, byte[]> edited = new LinkedHashMap<>(base);
            edited.put(part, replaced);
            input = zip(edited);
        }
        ReadResult read = Examples.PERFDOC.read("fuzz.xlsx", input);
        List<Problem> problems = Examples.PERFDOC.validate(read);
        if (read.document() == null) {
            assertTrue(problems.stream().anyMatch(Problem::isError), "no document and no error");
        }
        for (Problem p : problems) {
            assertFalse(p.message().isBlank(), p.toString());
            assertTrue(p.cell() != null, "a workbook's problem names a cell, a sheet or the workbook: " + p);
        }
        if (read.document() != null && problems.stream().noneMatch(Problem::isError)) {
            byte[] json = Examples.PERFDOC.render(read.document(), Format.JSON).bytes();
            ReadResult again = Examples.PERFDOC.read("again.json", json);
            assertTrue(Workbooks.sameValues(read.document(), again.document()), "the JSON form reads back the same");
        }
    }

    private static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
