package org.perfdoc.read;

import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Problems;

/**
 * What reading one file gave: the document (null when the file could not be read at all) and the
 * problems found in reading it, placed in the file; validation adds its own to a fork of them.
 */
public record ReadResult(TargetDocument document, Problems problems) {
}
