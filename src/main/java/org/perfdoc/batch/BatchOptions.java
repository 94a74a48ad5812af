package org.perfdoc.batch;

import java.nio.file.Path;
import java.util.List;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;

/**
 * What a batch run does.
 *
 * @param dataDir every {@code *.json} and {@code *.xlsx} below it is an input
 * @param outDir  outputs mirror the input tree here, with manifest.json and index.html
 * @param formats output formats per input
 * @param jobs    documents rendered at once
 * @param force   render everything, even what the manifest says is up to date
 * @param render  how to render (archival PDF or the styles' default)
 * @param shard   the part of the inputs this run renders, or null for all
 */
public record BatchOptions(Path dataDir, Path outDir, List<Format> formats, int jobs, boolean force,
                           RenderOptions render, Shard shard) {
    public BatchOptions {
        formats = List.copyOf(formats);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    /** A run with the styles' default render options. */
    public BatchOptions(Path dataDir, Path outDir, List<Format> formats, int jobs, boolean force) {
        this(dataDir, outDir, formats, jobs, force, RenderOptions.DEFAULT, null);
    }
}
