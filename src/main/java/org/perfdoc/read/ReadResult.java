package org.perfdoc.read;

import org.perfdoc.model.TargetDocument;
import org.perfdoc.validate.Problems;

/**
 * What reading one file gave: the document (null when the file could not be parsed at all) and the
 * problems found so far, which carry the file's positions for the validator to add to.
 */
public record ReadResult(String file, TargetDocument document, Problems problems) {
}
