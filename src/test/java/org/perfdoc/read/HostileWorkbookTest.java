package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.perfdoc.Examples;
import org.perfdoc.Workbooks;
import org.perfdoc.problems.Problem;

/**
 * A workbook is a zip of XML from outside: zip bombs, entities, macros, absurd sheets and files that
 * are not workbooks at all are refused with a message naming what they are, quickly, and nothing of
 * them is kept.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileWorkbookTest {
    private static final byte[] GOOD = Workbooks.of(Examples.COURT);
    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    /** The one error of a refused workbook: no document, a message for the workbook as a whole. */
    private static String refused(String name, byte[] bytes) {
        ReadResult read = Examples.PERFDOC.read(name, bytes);
        List<Problem> problems = Examples.PERFDOC.validate(read);
        assertNull(read.document(), name + " is refused:\n" + Workbooks.printed(problems));
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), Workbooks.printed(problems));
        assertFalse(errors.get(0).message().contains("root:"), "nothing of a file it names is read");
        return errors.get(0).toString();
    }

    private static byte[] edit(String part, UnaryOperator<String> change) {
        return Workbooks.rewrite(GOOD, Map.of(part, change), Map.of());
    }

    private static byte[] add(Map<String, byte[]> parts) {
        return Workbooks.rewrite(GOOD, Map.of(), parts);
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingIsKept() throws Exception {
        // 300 MB of spaces inside the indicator sheet compress to about 300 KB
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(GOOD))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] data = in.readAllBytes();
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    if (e.getName().equals("xl/worksheets/sheet4.xml")) {
                        byte[] spaces = new byte[1 << 20];
                        Arrays.fill(spaces, (byte) ' ');
                        for (int i = 0; i < 300; i++) {
                            out.write(spaces);
                        }
                    }
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        assertTrue(bytes.size() < 2 << 20, "a small file: " + bytes.size());
        String m = refused("bomb.xlsx", bytes.toByteArray());
        assertTrue(m.startsWith("bomb.xlsx: 错误: 部件 xl/worksheets/sheet4.xml 的压缩比异常（超过 100 倍），可能是恶意文件（zip 炸弹）"), m);
    }

    @Test
    void doctypesAndEntitiesAreRefusedWhereverTheyAre() {
        String sst = refused("xxe.xlsx", edit("xl/sharedStrings.xml",
                s -> s.replaceFirst("<\\?xml[^>]*>", XXE).replaceFirst("<t>", "<t>&xxe;")));
        assertTrue(sst.contains("DOCTYPE"), sst);
        String sheet = refused("xxe-sheet.xlsx", edit("xl/worksheets/sheet3.xml", s -> s.replaceFirst("<\\?xml[^>]*>", XXE)));
        assertTrue(sheet.contains("DOCTYPE"), sheet);
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>";
        String laughs = refused("lol.xlsx", edit("xl/workbook.xml", s -> s.replaceFirst("<\\?xml[^>]*>", lol)));
        assertTrue(laughs.contains("DOCTYPE"), laughs);
        String types = refused("ct.xlsx", edit("[Content_Types].xml", s -> s.replaceFirst("<\\?xml[^>]*>", XXE)));
        assertTrue(types.contains("DOCTYPE"), types);
    }

    @Test
    void macrosBinaryAndStrictWorkbooksAreRefusedWithTheFix() {
        String macro = refused("2024.xlsm", Workbooks.rewrite(GOOD, Map.of("[Content_Types].xml",
                s -> s.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")), Map.of("xl/vbaProject.bin", new byte[512])));
        assertEquals("2024.xlsm: 错误: 工作簿含有宏（.xlsm / VBA），为安全起见不读入；请“另存为” Excel 工作簿（.xlsx，不含宏）", macro);
        assertTrue(refused("vba.xlsx", add(Map.of("xl/vbaProject.bin", new byte[512]))).contains("含有宏"));
        assertTrue(refused("b.xlsx", add(Map.of("xl/workbook.bin", new byte[16]))).contains(".xlsb"));
        assertTrue(refused("strict.xlsx", edit("xl/workbook.xml", s -> s.replace(
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")))
                .contains("Strict Open XML"));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 1500; i++) {
            many.put("xl/media/x" + i + ".bin", new byte[1]);
        }
        assertTrue(refused("many.xlsx", add(many)).contains("部件超过 1000 个"));
    }

    /** JSON and workbooks are told apart without POI, exactly as POI's FileMagic would tell them. */
    @Test
    void workbooksAreToldFromJsonAsPoiWould() throws Exception {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("项目");
            wb.write(xls);
        }
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        List<byte[]> inputs = List.of(GOOD, xls.toByteArray(), Files.readAllBytes(Examples.COURT), utf8Bom,
                "<html><body></body></html>".getBytes(StandardCharsets.UTF_8), "<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'K', 3}, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0}, Arrays.copyOf(xls.toByteArray(), 7),
                Arrays.copyOf(xls.toByteArray(), 8), Arrays.copyOf(GOOD, 4), new byte[] {'{'});
        for (byte[] bytes : inputs) {
            FileMagic magic;
            try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
                magic = FileMagic.valueOf(in);
            }
            assertEquals(magic == FileMagic.OOXML || magic == FileMagic.OLE2, WorkbookReader.isWorkbook(bytes),
                    magic + " " + HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length)));
        }
        assertTrue(WorkbookReader.isWorkbook(GOOD));
        assertTrue(WorkbookReader.isWorkbook(xls.toByteArray()));
        assertFalse(WorkbookReader.isWorkbook(new byte[0]));
    }

    @Test
    void oldExcelAndWpsFilesAreToldToSaveAsXlsx() throws Exception {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("项目").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(xls);
        }
        String old = refused("2024.xls", xls.toByteArray());
        assertEquals("2024.xls: 错误: 这是 Excel 97-2003（.xls）或 WPS 表格（.et）文件，无法读入；"
                + "请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）", old);
        assertTrue(refused("2024.et", xls.toByteArray()).contains("另存为” Excel 工作簿（.xlsx）"));
        // a password-protected .xlsx is an OLE2 file too
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(GOOD);
            }
            fs.writeFilesystem(encrypted);
        }
        assertTrue(refused("locked.xlsx", encrypted.toByteArray()).contains("设置了打开密码"));
    }

    @Test
    void filesThatAreNotWorkbooksSayWhatTheyAre() {
        assertTrue(refused("word.xlsx", add(Map.of("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8))))
                .contains("这是 Word 文档"));
        assertTrue(refused("export.xls", "<html><body><table><tr><td>项目名称</td></tr></table></body></html>"
                .getBytes(StandardCharsets.UTF_8)).contains("网页（HTML）"));
        assertTrue(refused("data.xlsx", "资金使用单位,项目名称\n".getBytes(StandardCharsets.UTF_8)).contains("不是 Excel 工作簿"));
        assertEquals("empty.xlsx: 错误: 文件是空的（0 字节）", refused("empty.xlsx", new byte[0]));
        assertTrue(refused("cut.xlsx", Arrays.copyOf(GOOD, GOOD.length / 2)).contains("损坏"));
    }

    @Test
    void absurdSheetsAreBounded() {
        String far = refused("far.xlsx", poi(wb -> wb.getSheet("项目").createRow(999_999).createCell(0).setCellValue("x")));
        assertTrue(far.contains("行数超过上限 100000"), far);
        String wide = refused("wide.xlsx", poi(wb -> wb.getSheet("项目").getRow(3).createCell(16383).setCellValue("x")));
        assertTrue(wide.contains("列数超过上限 200"), wide);
        String merges = refused("merges.xlsx", poi(wb -> {
            XSSFSheet s = wb.getSheet("项目");
            for (int i = 0; i < 120_000; i++) {
                s.addMergedRegionUnsafe(new CellRangeAddress(100 + i, 100 + i, 10, 11));
            }
        }));
        assertTrue(merges.contains("合并单元格超过上限 100000 处"), merges);
        // one merged region over the whole sheet is clipped to the limits: read, with errors, and quickly
        ReadResult huge = Examples.PERFDOC.read("huge.xlsx", poi(wb -> wb.getSheet("项目")
                .addMergedRegionUnsafe(new CellRangeAddress(1, 1_048_575, 0, 1000))));
        List<Problem> problems = Examples.PERFDOC.validate(huge);
        assertTrue(problems.stream().anyMatch(Problem::isError));
        assertTrue(problems.size() <= WorkbookReader.MAX_PROBLEMS + 10, "problems are capped: " + problems.size());
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith("另有 ")), Workbooks.printed(problems));
    }

    private static byte[] poi(java.util.function.Consumer<XSSFWorkbook> edit) {
        XSSFWorkbook wb = Workbooks.open(GOOD);
        edit.accept(wb);
        return Workbooks.bytes(wb);
    }
}
