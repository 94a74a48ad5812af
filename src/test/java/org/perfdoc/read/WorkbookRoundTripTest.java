package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfdoc.Examples;
import org.perfdoc.Office;
import org.perfdoc.Workbooks;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Problem;
import org.perfdoc.render.Format;

/**
 * Every example converts to a workbook and back to JSON without losing anything: the JSON renders to
 * the same PDF bytes. The workbook reads back as perfdoc wrote it and as LibreOffice Calc saves it.
 */
class WorkbookRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Path> examples() throws Exception {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void jsonToWorkbookToJsonRendersTheSamePdf(Path json) {
        TargetDocument original = Examples.read(json).document();
        byte[] xlsx = Examples.PERFDOC.render(original, Format.XLSX).bytes();
        ReadResult fromWorkbook = Examples.PERFDOC.read(json.getFileName() + ".xlsx", xlsx);
        List<Problem> problems = Examples.PERFDOC.validate(fromWorkbook);
        assertTrue(problems.stream().noneMatch(Problem::isError), Workbooks.printed(problems));
        byte[] back = Examples.PERFDOC.render(fromWorkbook.document(), Format.JSON).bytes();
        ReadResult fromJson = Examples.PERFDOC.read("back.json", back);
        assertTrue(Examples.PERFDOC.validate(fromJson).stream().noneMatch(Problem::isError));
        assertTrue(Workbooks.sameValues(original, fromJson.document()), "the document survives both conversions");
        assertArrayEquals(Examples.PERFDOC.render(original, Format.PDF).bytes(),
                Examples.PERFDOC.render(fromJson.document(), Format.PDF).bytes(), "the same PDF bytes");
        assertArrayEquals(back, Examples.PERFDOC.render(Examples.PERFDOC.read("again.xlsx",
                Examples.PERFDOC.render(fromJson.document(), Format.XLSX).bytes()).document(), Format.JSON).bytes(),
                "a second round gives the same JSON text");
    }

    @Test
    void aWorkbookSavedByLibreOfficeCalcReadsTheSame() throws Exception {
        List<Path> written = examples().map(json -> {
            Path xlsx = dir.resolve("in").resolve(json.getFileName().toString().replace(".json", ".xlsx"));
            try {
                Files.createDirectories(xlsx.getParent());
                Files.write(xlsx, Workbooks.of(json));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return xlsx;
        }).toList();
        Path saved = Files.createDirectories(dir.resolve("calc"));
        // Calc rewrites every part: its own styles, shared strings, cached formula results, merged cells
        Office.convert(saved, "xlsx:Calc MS Excel 2007 XML", "a workbook re-saved by LibreOffice Calc",
                written.toArray(Path[]::new));
        for (Path json : examples().toList()) {
            Path xlsx = saved.resolve(json.getFileName().toString().replace(".json", ".xlsx"));
            byte[] bytes = Files.readAllBytes(xlsx);
            assertTrue(new String(bytes, 0, Math.min(bytes.length, 4000), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("PK"), "LibreOffice wrote a workbook");
            ReadResult read = Examples.PERFDOC.read(xlsx);
            List<Problem> problems = Examples.PERFDOC.validate(read);
            assertTrue(problems.stream().noneMatch(Problem::isError), xlsx + "\n" + Workbooks.printed(problems));
            assertTrue(Workbooks.sameValues(Examples.read(json).document(), read.document()), json + " after LibreOffice Calc");
            assertArrayEquals(Examples.PERFDOC.render(Examples.read(json).document(), Format.PDF).bytes(),
                    Examples.PERFDOC.render(read.document(), Format.PDF).bytes(), json + ": the same PDF");
        }
    }
}
