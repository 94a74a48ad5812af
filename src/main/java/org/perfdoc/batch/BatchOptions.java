package org.perfdoc.batch;

import java.nio.file.Path;
import java.util.List;
import org.perfdoc.render.Format;

/**
 * What a batch run does.
 *
 * @param dataDir every {@code *.json} below it is an input
 * @param outDir  outputs mirror the input tree here, with manifest.json and index.html
 * @param formats output formats per input
 * @param jobs    documents rendered at once
 * @param force   render everything, even what the manifest says is up to date
 */
public record BatchOptions(Path dataDir, Path outDir, List<Format> formats, int jobs, boolean force) {
    public BatchOptions {
        formats = List.copyOf(formats);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
