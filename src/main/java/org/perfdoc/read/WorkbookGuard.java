package org.perfdoc.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Looks at a workbook's bytes before POI parses them: what the file really is (by its first bytes,
 * not its name), macros, binary and Strict workbooks, external links, and how large its parts are
 * unzipped. The zip is walked as POI will read it (entry by entry, local headers), counting every
 * byte, so a zip bomb is refused before anything is kept.
 */
final class WorkbookGuard {
    /** One part may inflate at most 100× (beyond its first 100 KB): POI's own zip-bomb check. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest single part, unzipped (a 2,000-project Shanghai workbook's sharedStrings.xml is ~6 MB). */
    static final long MAX_ENTRY_BYTES = 100L << 20;
    private static final long GRACE_ENTRY_BYTES = 100L << 10;
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final byte[] OLE2_SIGNATURE =
            {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private WorkbookGuard() {
    }

    /** The workbook is refused; the message says what it is and what to do. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * POI's process-wide zip limits (static in POI), set before each workbook is parsed: the inflate
     * ratio, the largest part and the number of parts.
     */
    static void applyZipLimits(SheetLimits limits) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setGraceEntrySize(GRACE_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(limits.maxParts());
    }

    /** Whether {@code bytes} look like a workbook (a zip, or an OLE2 file such as .xls or .et). */
    static boolean looksLikeWorkbook(byte[] bytes) {
        // The signatures POI's FileMagic calls OOXML and OLE2, compared here: FileMagic would start
        // POI and its logging (27 ms in a fresh process) for every JSON file read.
        return startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE2_SIGNATURE);
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes.length >= signature.length
                && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }

    /** Refuses what cannot be read; returns warnings for what can, but with a caveat. */
    static List<String> check(byte[] bytes, SheetLimits limits) throws Refused {
        if (bytes.length == 0) {
            throw new Refused("文件是空的（0 字节）");
        }
        return switch (magic(bytes)) {
            case OOXML -> zip(bytes, limits);
            case OLE2 -> throw ole2(bytes);
            case XML -> throw new Refused("这是 XML 格式的表格（Excel 2003 XML），请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）");
            case HTML -> throw new Refused("这是网页（HTML）文件，常见于系统导出的“.xls”；请用 Excel 打开后“另存为” Excel 工作簿（.xlsx）");
            case BIFF2, BIFF3, BIFF4 -> throw new Refused("这是很旧的 Excel 2.x–4.x 文件，请“另存为” Excel 工作簿（.xlsx）");
            default -> throw new Refused("不是 Excel 工作簿（.xlsx）：文件开头是 " + hex(bytes));
        };
    }

    private static FileMagic magic(byte[] bytes) {
        if (bytes.length == 0) {
            return FileMagic.UNKNOWN; // POI throws EmptyFileException for no bytes
        }
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            return FileMagic.valueOf(in);
        } catch (IOException | RuntimeException e) {
            return FileMagic.UNKNOWN;
        }
    }

    /** .xls (BIFF8), WPS .et and a password-protected .xlsx are all OLE2 compound files. */
    private static Refused ole2(byte[] bytes) {
        boolean encrypted = false;
        boolean wps = false;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            Set<String> names = new HashSet<>(fs.getRoot().getEntryNames());
            encrypted = names.contains("EncryptedPackage") || names.contains("EncryptionInfo");
            wps = names.stream().anyMatch(n -> n.toUpperCase(Locale.ROOT).contains("WPS"));
        } catch (IOException | RuntimeException e) {
            // a damaged compound file: the general advice still applies
        }
        if (encrypted) {
            return new Refused("工作簿设置了打开密码（已加密），无法读入；请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿 → "
                    + "用密码进行加密，清空），再保存为 .xlsx");
        }
        return new Refused("这是 " + (wps ? "WPS 表格（.et）" : "Excel 97-2003（.xls）或 WPS 表格（.et）")
                + "文件，无法读入；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）");
    }

    private static List<String> zip(byte[] bytes, SheetLimits limits) throws Refused {
        List<String> warnings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String types = null;
        String workbook = null;
        long total = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.name(), true, true)) {
            byte[] buffer = new byte[64 << 10];
            for (ZipArchiveEntry e; (e = zip.getNextEntry()) != null; ) {
                if (names.size() >= limits.maxParts()) {
                    throw new Refused("压缩包内的部件超过 " + limits.maxParts() + " 个，拒绝读入");
                }
                String name = e.getName();
                names.add(name);
                boolean keep = name.equals("[Content_Types].xml") || name.equals("xl/workbook.xml");
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                long entry = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    entry += n;
                    total += n;
                    if (entry > MAX_ENTRY_BYTES) {
                        throw new Refused("部件 " + name + " 解压后超过 " + (MAX_ENTRY_BYTES >> 20)
                                + " MB，可能是恶意文件（zip 炸弹），拒绝读入");
                    }
                    if (total > limits.maxUnzippedBytes()) {
                        throw new Refused("工作簿解压后超过 " + (limits.maxUnzippedBytes() >> 20)
                                + " MB，可能是恶意文件（zip 炸弹），拒绝读入");
                    }
                    long compressed = zip.getCompressedCount();
                    if (entry > GRACE_ENTRY_BYTES && compressed > 0 && (double) compressed / entry < MIN_INFLATE_RATIO) {
                        throw new Refused("部件 " + name + " 的压缩比异常（超过 " + Math.round(1 / MIN_INFLATE_RATIO)
                                + " 倍），可能是恶意文件（zip 炸弹），拒绝读入");
                    }
                    if (kept != null && kept.size() < (1 << 20)) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (kept != null) {
                    String text = kept.toString(StandardCharsets.UTF_8);
                    if (name.equals("xl/workbook.xml")) {
                        workbook = text;
                    } else {
                        types = text;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("文件已损坏（不是完整的 .xlsx 压缩包）：" + e.getMessage());
        }
        if (names.contains("word/document.xml")) {
            throw new Refused("这是 Word 文档，不是 Excel 工作簿");
        }
        if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
            throw new Refused("这是 PowerPoint 演示文稿，不是 Excel 工作簿");
        }
        if (names.contains("xl/workbook.bin")) {
            throw new Refused("这是 Excel 二进制工作簿（.xlsb），请“另存为” Excel 工作簿（.xlsx）");
        }
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))
                || (types != null && types.contains("macroEnabled"))) {
            throw new Refused("工作簿含有宏（.xlsm / VBA），为安全起见不读入；请“另存为” Excel 工作簿（.xlsx，不含宏）");
        }
        if (workbook == null) {
            if (names.contains("content.xml")) {
                throw new Refused("这是 OpenDocument 表格（.ods），请“另存为” Excel 工作簿（.xlsx）");
            }
            throw new Refused("不是 Excel 工作簿：压缩包里没有 xl/workbook.xml");
        }
        if (workbook.contains("purl.oclc.org/ooxml/spreadsheetml")) {
            throw new Refused("这是“Strict Open XML 电子表格”，无法读入；请“另存为” Excel 工作簿（.xlsx）");
        }
        if (workbook.contains("<!DOCTYPE") || types != null && types.contains("<!DOCTYPE")) {
            throw new Refused("文件中的 XML 含有 DOCTYPE 声明（可用于外部实体攻击），拒绝读入");
        }
        long links = names.stream().filter(n -> n.startsWith("xl/externalLinks/") && n.endsWith(".xml")).count();
        if (links > 0) {
            warnings.add("工作簿含有 " + links + " 个外部链接（引用其他文件）：不打开、不更新它们，引用处使用保存时的结果");
        }
        return warnings;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            s.append(String.format("%02X ", bytes[i]));
        }
        return s.toString().trim();
    }

    /** POI's exceptions in words for finance staff. */
    static String explain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        String m = all.toString();
        if (m.contains("Zip bomb detected")) {
            return "文件的压缩比或大小异常，可能是恶意文件（zip 炸弹），拒绝读入";
        }
        if (m.contains("MAX_FILE_COUNT")) {
            return "压缩包内部件过多，拒绝读入";
        }
        if (m.contains("DOCTYPE") || m.contains("DTD")) {
            return "文件中的 XML 含有 DOCTYPE 声明（可用于外部实体攻击），拒绝读入";
        }
        if (m.contains("Strict OOXML")) {
            return "这是“Strict Open XML 电子表格”，请“另存为” Excel 工作簿（.xlsx）";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "无法读取工作簿（文件可能已损坏）：" + detail;
    }
}
