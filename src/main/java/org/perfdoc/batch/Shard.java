package org.perfdoc.batch;

import java.nio.ByteBuffer;
import org.perfdoc.helper.Hashes;

/**
 * One of {@code count} parts of a batch, for running it on several machines at once: an input belongs
 * to the shard its path's hash picks, so every input falls in exactly one shard, on any machine.
 *
 * @param index this shard, 0 to count − 1 (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX)
 * @param count how many shards the batch is split into
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 ≤ I < N, such as 0/3; got " + index + "/" + count);
        }
    }

    /** {@code I/N}, as on the command line. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("a shard is I/N with 0 ≤ I < N, such as 0/3; got \"" + text + "\"");
    }

    /** Whether the input at {@code path} (relative to DATA_DIR, forward slashes) is this shard's. */
    public boolean owns(String path) {
        long h = ByteBuffer.wrap(Hashes.sha256(path)).getLong();
        return Long.remainderUnsigned(h, count) == index;
    }

    /** The file this shard's part of the manifest is kept in, in OUT_DIR. */
    String manifestPart() {
        return "manifest.shard-" + index + "-of-" + count + ".json";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
