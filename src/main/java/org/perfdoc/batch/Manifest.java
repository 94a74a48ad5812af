package org.perfdoc.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.perfdoc.write.AtomicFiles;

/**
 * {@code OUT_DIR/manifest.json}: what the last runs made of each input, so a rerun renders only what
 * changed. Every entry names complete files only: it is added after its outputs were renamed into
 * place, and the file itself is replaced atomically.
 *
 * @param perfdoc   the perfdoc that wrote it
 * @param documents entries by input path relative to DATA_DIR (forward slashes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String perfdoc, Map<String, Entry> documents) {
    static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One input's outcome.
     *
     * @param input       path relative to DATA_DIR
     * @param inputSha256 hash of the input file's bytes
     * @param fingerprint hash of the input, the formats and perfdoc's templates, fonts and version
     * @param status      what the last run made of it
     * @param department  部门名称 (when the file could be read)
     * @param title       the document's title after its style's default (when valid)
     * @param year        budget year
     * @param style       layout
     * @param warnings    validation warnings
     * @param errors      validation errors, or the failure
     * @param outputs     the files written for it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String input, String inputSha256, String fingerprint, Status status, String department,
                        String title, Integer year, String style, List<String> warnings, List<String> errors,
                        List<Output> outputs) {
        public Entry {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            errors = errors == null ? List.of() : List.copyOf(errors);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
        }
    }

    /** What a run made of an input: written (or up to date), refused by validation, or failed. */
    public enum Status {
        OK, INVALID, FAILED;

        /** As manifest.json spells it: ok, invalid, failed. */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status manifest.json names. */
        @JsonCreator
        public static Status of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One written file.
     *
     * @param format pdf or docx
     * @param path   relative to OUT_DIR
     * @param sha256 hash of its bytes
     * @param bytes  its size
     * @param pages  page count, where the format has one
     * @param conformance the archival standard the file meets ({@code PDF/A-2u}), where it does
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String format, String path, String sha256, long bytes, Integer pages, String conformance) {
    }

    public Manifest {
        documents = new TreeMap<>(documents == null ? Map.of() : documents);
    }

    /** The manifest in {@code outDir}, or an empty one when there is none or it cannot be read. */
    static Manifest load(Path outDir) {
        return loadFile(outDir.resolve(FILE));
    }

    /** The manifest in {@code file}, or an empty one when there is none or it cannot be read. */
    static Manifest loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Manifest(null, Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            // A damaged manifest only costs a full re-render: every output is reproducible.
            return new Manifest(null, Map.of());
        }
    }

    /** The shards' parts of the manifest in {@code outDir}, by shard, sorted. */
    static Map<Shard, Path> parts(Path outDir) throws IOException {
        Map<Shard, Path> parts = new TreeMap<>(Comparator.comparingInt(Shard::count).thenComparingInt(Shard::index));
        try (Stream<Path> files = Files.list(outDir)) {
            for (Path f : files.toList()) {
                Matcher m = PART.matcher(f.getFileName().toString());
                if (m.matches()) {
                    parts.put(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), f);
                }
            }
        }
        return parts;
    }

    private static final Pattern PART = Pattern.compile("manifest\\.shard-(\\d+)-of-(\\d+)\\.json");

    /** Writes this manifest as {@code outDir/name}, atomically. */
    void save(Path outDir, String name, Path tmpDir) throws IOException {
        AtomicFiles.write(outDir.resolve(name), JSON.writeValueAsBytes(this), tmpDir);
    }
}
