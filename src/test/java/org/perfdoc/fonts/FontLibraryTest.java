package org.perfdoc.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;

class FontLibraryTest {
    @Test
    void everyBundledFontHasItsLicenceAndTheChecksumTheReadmeStates() throws IOException, NoSuchAlgorithmException {
        JsonNode catalog = new ObjectMapper().readTree(Path.of("fonts/fonts.json").toFile());
        String readme = Files.readString(Path.of("fonts/README.md"));
        for (JsonNode font : catalog.get("fonts")) {
            Path file = Path.of("fonts", font.get("file").asText());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertTrue(readme.contains("`" + file.getFileName() + "`"), file + " listed");
            assertTrue(readme.contains(sha), file + " checksum " + sha + " in fonts/README.md");
        }
        try (var licences = Files.list(Path.of("fonts"))) {
            assertEquals(3, licences.filter(p -> p.getFileName().toString().startsWith("LICENSE")).count());
        }
    }

    @Test
    void roleNamesResolveToTheBundledFaces() {
        FontLibrary fonts = FontLibrary.bundled();
        // 中 is in every face; U+10FFFD in none.
        for (String role : List.of("宋体", "黑体", "楷体", "仿宋", "SimSun", "SimHei", "KaiTi", "FangSong")) {
            assertEquals(Optional.empty(), fonts.fontLacking('中', List.of(role)), role);
        }
        assertEquals(Optional.of("宋体（AR PL UMing CN）"), fonts.fontLacking(0x10FFFD, List.of("宋体")));
        assertEquals(Optional.of("黑体（Noto Sans SC）"), fonts.fontLacking(0x10FFFD, List.of("黑体")));
    }

    @Test
    void everyCharacterOfTheSeedsIsDrawableByTheGuangzhouFonts() throws IOException {
        FontLibrary fonts = FontLibrary.bundled();
        for (String seed : List.of("guangzhou-intermediate-court.txt", "guangzhou-justice-bureau-2023.txt",
                "shanghai-first-intermediate-court-2020.txt")) {
            String text = Files.readString(Examples.SEEDS.resolve(seed));
            text.codePoints().filter(c -> !Character.isWhitespace(c)).distinct().forEach(c ->
                    assertEquals(Optional.empty(), fonts.fontLacking(c, List.of("宋体", "黑体")),
                            seed + ": " + Character.toString(c) + String.format(" U+%04X", c)));
        }
    }
}
