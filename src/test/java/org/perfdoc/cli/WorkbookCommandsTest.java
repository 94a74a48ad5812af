package org.perfdoc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Cli.Run;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.Workbooks;
import org.perfdoc.batch.BatchOptions;
import org.perfdoc.batch.BatchReport;
import org.perfdoc.batch.BatchRunner;
import org.perfdoc.batch.Progress;
import org.perfdoc.render.Format;

/** What a finance officer types: template, fill it, render it; and convert in both directions. */
class WorkbookCommandsTest {
    @TempDir
    Path dir;

    @Test
    void templateThenRenderTheFilledWorkbook() throws Exception {
        Path template = dir.resolve("绩效目标表模板.xlsx");
        Run t = Cli.run("template", "--style", "guangzhou", "-o", template.toString());
        assertEquals(0, t.code(), t.err());
        try (XSSFWorkbook wb = Workbooks.open(Files.readAllBytes(template))) {
            assertEquals("项目", wb.getSheetName(2));
        }
        // the officer fills it in (here: the court's data, as convert writes it) and renders it
        Path filled = dir.resolve("2024.xlsx");
        Files.write(filled, Workbooks.of(Examples.COURT));
        Run r = Cli.run("render", filled.toString(), "--format", "pdf,docx", "-o", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF).bytes(),
                Files.readAllBytes(dir.resolve("out/2024.pdf")), "the same PDF as from the JSON file");
        assertTrue(Files.size(dir.resolve("out/2024.docx")) > 10_000);
        Run unknown = Cli.run("template", "--style", "beijing", "-o", dir.resolve("x.xlsx").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("没有这种版式的工作簿模板：beijing；可选：guangzhou、shanghai"), unknown.err());
    }

    @Test
    void convertGoesBothWaysAndRefusesAnInvalidInput() throws Exception {
        Path xlsx = dir.resolve("court.xlsx");
        Run to = Cli.run("convert", Examples.COURT.toString(), "-o", xlsx.toString());
        assertEquals(0, to.code(), to.err());
        Path json = dir.resolve("court.json");
        Run back = Cli.run("convert", xlsx.toString(), "-o", json.toString());
        assertEquals(0, back.code(), back.err());
        assertTrue(Files.readString(json).startsWith("{\n  \"style\": \"guangzhou\",\n  \"year\": 2025,"),
                Files.readString(json).substring(0, 80));
        Run bad = Cli.run("convert", xlsx.toString(), "-o", dir.resolve("court.txt").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("输出文件应以 .xlsx 或 .json 结尾"), bad.err());

        Path wrong = dir.resolve("2024.xlsx");
        Files.write(wrong, Workbooks.rewrite(Files.readAllBytes(xlsx), java.util.Map.of(), java.util.Map.of()));
        try (XSSFWorkbook wb = Workbooks.open(Files.readAllBytes(xlsx))) {
            wb.getSheet("绩效指标").getRow(13).getCell(3).setCellValue("数量");
            Files.write(wrong, Workbooks.bytes(wb));
        }
        Run invalid = Cli.run("render", wrong.toString(), "--format", "pdf,docx", "-o", dir.resolve("none").toString());
        assertEquals(2, invalid.code());
        assertTrue(invalid.err().contains(wrong + ": 绩效指标!D14: 错误: \"产出指标\" 下没有二级指标 \"数量\"，可选："), invalid.err());
        assertTrue(invalid.err().contains(wrong + "：1 个错误，未生成文件"), invalid.err());
        assertFalse(Files.exists(dir.resolve("none/2024.pdf")), "a workbook with errors produces no output");
        Run validate = Cli.run("validate", wrong.toString());
        assertEquals(2, validate.code());
        assertTrue(validate.err().contains("绩效指标!D14"), validate.err());
    }

    @Test
    void aBatchFolderMayMixJsonAndWorkbooks() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/2024"));
        Files.copy(Examples.COURT, data.resolve("法院.json"));
        Files.write(data.resolve("司法局.xlsx"), Workbooks.of(Examples.JUSTICE));
        Files.write(data.resolve("~$司法局.xlsx"), new byte[165]);        // Excel's lock file while it is open
        Files.write(data.resolve("法院.xlsx"), Workbooks.of(Examples.COURT)); // same name as 法院.json
        Path out = dir.resolve("out");
        BatchReport report = new BatchRunner(Examples.PERFDOC, new BatchOptions(dir.resolve("data"), out,
                List.of(Format.PDF, Format.DOCX), 2, false)).run(Progress.NONE);
        assertEquals(List.of("2024/司法局.xlsx", "2024/法院.json", "2024/法院.xlsx"),
                report.outcomes().stream().map(o -> o.entry().input()).toList(), "the lock file is no input");
        assertTrue(Files.exists(out.resolve("2024/司法局.pdf")));
        assertTrue(Files.exists(out.resolve("2024/司法局.docx")));
        assertTrue(Files.exists(out.resolve("2024/法院.pdf")));
        assertEquals(List.of("2024/法院.xlsx：与 2024/法院.json 的输出文件同名，未生成；请删去或改名其中一个"),
                report.outcomes().get(2).entry().errors());
    }
}
